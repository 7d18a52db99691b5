"""The citizens' test panel end to end in a real browser, with JavaScript switched off for the citizen.

A citizen joins the panel on the citizen site (double opt-in: the confirmation mail in the
demo backend's file outbox, its link confirms), a pretest of a seeded page's latest
revision is sent to a sample of one wijk, the invitation mail's personal link opens the
draft with its questions and cloze gaps, the citizen fills them in and sends, and sees the
thank-you page; the same link then says it was answered. The editor's results view shows
the answer, without the citizen's address. axe checks the new pages.
"""

from __future__ import annotations

import json
import re
import time
import uuid

from playwright.sync_api import expect

from tests.e2e.frontend.test_project_participation import _log_in
from tests.e2e.frontend.test_subscriptions import _mails_to

MAIL_WAIT_SECONDS = 30
WIJK = "oostakker"  # no demo panel member lives there: the sample is our citizen alone


def _link(outbox, address: str, pattern: re.Pattern) -> str:
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while time.monotonic() < deadline:
        for body in _mails_to(outbox, address):
            found = pattern.search(body)
            if found:
                return found.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} matching {pattern.pattern} in {outbox}")


SEND_PRETEST = """
import json
from automation.panel.demo import _page
from automation.panel.invitations import pretest_send
from automation.panel.pretests import pretest_create
from cms.core.models import Wijk
pretest = pretest_create(name="E2E {marker}", page=_page(), sample_size=5, wijken=[Wijk.objects.get(slug="{wijk}")])
invited = pretest_send(pretest_id=pretest.pk)
print(json.dumps({{"id": pretest.pk, "invited": invited, "answers": pretest.cloze["answers"]}}))
"""


def test_a_citizen_joins_and_answers_a_pretest_without_javascript(page, browser, frontend_server, demo_server, demo_shell,
                                                                   outbox, axe):  # fmt: skip
    marker = uuid.uuid4().hex[:8]
    address = f"panel-{marker}@example.be"
    page.goto(frontend_server + "/nl/testpanel")
    assert axe(page) == []

    context = browser.new_context(java_script_enabled=False, locale="nl-BE", timezone_id="Europe/Brussels")
    citizen = context.new_page()
    citizen.goto(frontend_server + "/nl/testpanel")
    citizen.get_by_label("Uw e-mailadres").fill(address)
    citizen.get_by_label("In welke wijk woont u?").select_option(WIJK)
    citizen.get_by_role("button", name="Meedoen").click()  # without the consent box: refused here, nothing sent
    expect(citizen.locator("#fout-consent_version")).to_contain_text("Vink aan dat u akkoord gaat")
    citizen.get_by_label("Ja, ik ga akkoord met deze tekst.").check()
    citizen.get_by_role("button", name="Meedoen").click()
    expect(citizen.locator("h1")).to_have_text("Kijk in uw mailbox")

    confirm = _link(outbox, address, re.compile(re.escape(frontend_server) + r"/nl/testpanel/bevestigen\?token=[^\s\"<>]+"))
    citizen.goto(confirm)
    expect(citizen.locator("h1")).to_have_text("U zit in het testpanel")

    sent = json.loads(demo_shell(SEND_PRETEST.format(marker=marker, wijk=WIJK)).strip().splitlines()[-1])
    assert sent["invited"] == 1 and len(sent["answers"]) > 3
    invitation = _link(outbox, address, re.compile(re.escape(frontend_server) + r"/nl/testpanel/tekst/[\w-]+"))
    assert "/api/automation/panel/leave/" in "\n".join(_mails_to(outbox, address))  # the way out, in the mail

    response = citizen.goto(invitation)
    assert response.status == 200 and citizen.locator("script[src]").count() == 0
    expect(citizen.locator("h1")).to_have_text("Een tekst testen")
    gaps = citizen.locator("input.cloze-gap")
    expect(gaps).to_have_count(len(sent["answers"]))
    citizen.get_by_role("button", name="Antwoorden versturen").click()  # the clarity question is required
    expect(citizen.get_by_role("alert")).to_contain_text("Kies een antwoord van 1 tot 5")
    for gap, word in enumerate(sent["answers"]):
        citizen.get_by_label(f"Ontbrekend woord {gap + 1}", exact=True).fill(word if gap % 2 == 0 else "fout")
    citizen.get_by_label("4 – duidelijk").check()
    action = f"Een afspraak maken ({marker})"
    citizen.get_by_label("Wat zou u nu doen?").fill(action)
    citizen.get_by_role("button", name="Antwoorden versturen").click()
    expect(citizen.locator("h1")).to_have_text("Bedankt voor uw antwoorden")
    citizen.goto(invitation)
    expect(citizen.locator("h1")).to_have_text("U hebt al geantwoord")
    context.close()
    page.goto(invitation)
    assert axe(page) == []

    admin_context = browser.new_context(locale="nl-BE")
    admin = admin_context.new_page()
    _log_in(admin, demo_server)
    admin.goto(f"{demo_server}/admin/pretests/{sent['id']}/")
    expect(admin.locator('[data-figure="invited"]')).to_have_text("1")
    expect(admin.locator('[data-figure="answered"]')).to_have_text("1")
    expect(admin.locator(".free-answers")).to_contain_text(action)
    right = (len(sent["answers"]) + 1) // 2
    expect(admin.locator('[data-figure="cloze-mean"]')).to_have_text(f"{round(100 * right / len(sent['answers']))} %")
    assert address not in admin.content()
    admin_context.close()
