"""Taking part in a project, end to end in a real browser against the seeded demo.

Giving input: the citizen site's project page says until when input is possible, the
reaction form works with JavaScript switched off, the reaction is moderated in the admin
("Inbreng") and exported as CSV. Following: the follow form sends the double opt-in mail
(the backend's file outbox), its link confirms, an editor moves the project to another
phase in the admin, and the message is in the message log and the outbox, with the reason.
"""

from __future__ import annotations

import csv
import io
import re
import time
import uuid

from playwright.sync_api import expect

from tests.e2e.frontend.test_subscriptions import _confirmation_link, _mails_to

OPEN_PROJECT = "/nl/projecten/nieuw-gent-vernieuwt"
FOLLOWED_PROJECT = "/nl/projecten/park-wondelgem-meulestede"
FOLLOWED_TITLE_PATTERN = re.compile(r"^Park", re.I)
ADMIN = ("admin", "vrijhaven-demo")
MAIL_WAIT_SECONDS = 30


def _log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_a_reaction_without_javascript_is_moderated_and_exported(page, browser, frontend_server, demo_server, axe):
    # axe needs JavaScript, so it checks the same pages in the ordinary `page`; the citizen has none.
    page.goto(frontend_server + OPEN_PROJECT)
    assert axe(page) == []
    context = browser.new_context(java_script_enabled=False, locale="nl-BE", timezone_id="Europe/Brussels")
    citizen = context.new_page()
    response = citizen.goto(frontend_server + OPEN_PROJECT)
    assert response.status == 200
    expect(citizen.locator("main")).to_contain_text("U kunt uw mening geven tot 15 maart 2027.")
    expect(citizen.get_by_role("link", name=re.compile("^Participatieve wandeling"))).to_be_visible()
    expect(citizen.locator("main")).to_contain_text("Wat we met uw inbreng deden")
    assert citizen.locator("script[src]").count() == 0  # a reading page ships no JavaScript

    # Nothing written: the error is named next to the field, the page title says so.
    citizen.get_by_role("button", name="Reactie versturen").click()
    expect(citizen.locator("#fout-reactie-text")).to_contain_text("Schrijf uw reactie")
    expect(citizen.get_by_label("Uw reactie")).to_have_attribute("aria-invalid", "true")
    expect(citizen.get_by_role("alert")).to_contain_text("Kijk het formulier na")

    words = f"Meer schaduw aan de speeltuin graag ({uuid.uuid4().hex[:8]})"
    citizen.get_by_label("Uw reactie").fill(words)
    citizen.get_by_label("Veel rustige plekken met bomen en bankjes").check()
    citizen.get_by_label("In welke wijk woont u? (niet verplicht)").select_option(label="Nieuw Gent - UZ")
    citizen.get_by_label("Uw naam").fill("Niet bewaard")  # no consent box ticked: dropped
    citizen.get_by_role("button", name="Reactie versturen").click()
    expect(citizen.locator("h1")).to_have_text("Bedankt voor uw reactie")
    page.goto(citizen.url)
    assert axe(page) == []
    context.close()

    # The project's editor (here the demo's superuser) moderates and exports it.
    admin_context = browser.new_context(locale="nl-BE")
    admin = admin_context.new_page()
    _log_in(admin, demo_server)
    admin.goto(f"{demo_server}/admin/inbreng/?q={words[:20]}")
    admin.get_by_role("link", name=re.compile(re.escape(words[:30]))).first.click()
    admin.locator("select[name=status]").select_option("accepted")
    admin.locator("footer button[type=submit]").first.click()
    admin.wait_for_url(re.compile(r".*/admin/inbreng/(\?.*)?$"))
    exported = admin_context.request.get(f"{demo_server}/admin/inbreng/?export=csv")
    assert exported.ok
    rows = list(csv.DictReader(io.StringIO(exported.text().lstrip("\ufeff"))))
    [row] = [row for row in rows if row["Reactie"] == words]
    assert row["Antwoord op de vraag"] == "Veel rustige plekken met bomen en bankjes"
    assert row["Status"] in ("aanvaard", "accepted")
    assert row["Naam (alleen met toestemming)"] == "" and "Niet bewaard" not in exported.text()
    chart = admin.goto(f"{demo_server}/admin/inbreng/grafiek/")
    assert chart.ok
    expect(admin.locator("svg[role=img]")).to_be_visible()
    admin_context.close()


def test_follow_confirm_move_the_phase_and_the_message_is_logged(page, browser, frontend_server, demo_server, outbox, axe):
    address = f"volger-{uuid.uuid4().hex[:10]}@example.org"
    page.goto(frontend_server + FOLLOWED_PROJECT)
    expect(page.locator("main")).to_contain_text("U kunt nu niet reageren via deze website.")
    page.get_by_label("Uw e-mailadres").fill(address)
    page.get_by_role("button", name="Project volgen").click()
    expect(page.locator("h1")).to_have_text("Kijk in uw mailbox")
    assert any("het project Park" in body for body in _mails_to(outbox, address))
    page.goto(_confirmation_link(outbox, address, frontend_server))
    expect(page.locator("h1")).to_have_text("Uw abonnement is bevestigd")

    # An editor moves the project to its next phase in the admin and publishes.
    admin_context = browser.new_context(locale="nl-BE")
    admin = admin_context.new_page()
    _log_in(admin, demo_server)
    admin.goto(f"{demo_server}/admin/pages/search/?q=Wondelgem")
    admin.get_by_role("link", name=FOLLOWED_TITLE_PATTERN).first.click()
    admin.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    current = [admin.locator(f"input[name='phases-{i}-is_current']") for i in range(4)]
    index = next(i for i, box in enumerate(current) if box.is_checked())
    current[index].uncheck()
    current[index + 1].check()
    admin.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    admin.locator("button[name=action-publish]").click()
    expect(admin.locator(".messages")).to_contain_text("gepubliceerd")

    # The message is in the message log, and in the outbox with the reason and the stop link.
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    news = []
    while time.monotonic() < deadline and not news:
        news = [body for body in _mails_to(outbox, address) if "nieuwe fase" in body]
        time.sleep(0.5)
    assert news, f"no phase message to {address}"
    assert "U krijgt dit bericht omdat u het project" in news[0]
    assert "Dit project niet meer volgen" in news[0]
    admin.goto(f"{demo_server}/admin/automation_messages/?q=nieuwe+fase")
    expect(admin.locator("main")).to_contain_text("nieuwe fase")
    admin_context.close()
