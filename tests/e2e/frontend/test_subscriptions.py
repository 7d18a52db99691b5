"""Subscribing and the preference centre, end to end: the form posts to the front end, the
backend sends the double opt-in e-mail (its file backend writes it to var/outbox/), the
link in that e-mail confirms, and the preference centre changes choices and stops all."""

from __future__ import annotations

import email
import re
import time
import uuid
from email import policy
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.frontend.nu_checker import nu_errors

MAIL_WAIT_SECONDS = 30


def _mails_to(outbox: Path, address: str) -> list[str]:
    """Plain-text bodies of every message in the outbox addressed to `address`."""
    bodies = []
    for path in sorted(outbox.glob("*")) if outbox.exists() else []:
        for chunk in path.read_text(errors="replace").split("-" * 79):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.strip(), policy=policy.default)
            if address not in str(message.get("To", "")):
                continue
            part = message.get_body(preferencelist=("plain",))
            if part is not None:
                bodies.append(part.get_content())
    return bodies


def _confirmation_link(outbox: Path, address: str, frontend: str) -> str:
    pattern = re.compile(re.escape(frontend) + r"/nl/inschrijven/bevestigen\?token=[^\s\"<>]+")
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while time.monotonic() < deadline:
        for body in _mails_to(outbox, address):
            found = pattern.search(body)
            if found:
                return found.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no confirmation e-mail to {address} in {outbox}")


def test_the_form_names_each_error_next_to_its_field_and_keeps_what_was_typed(page, frontend_server, axe):
    page.goto(frontend_server + "/nl/inschrijven")
    assert axe(page) == []
    page.get_by_label("Uw e-mailadres").fill("niet-een-adres")
    page.get_by_label("Ledeberg").check()
    page.get_by_role("button", name="Abonneren").click()

    email_field = page.get_by_label("Uw e-mailadres")
    expect(email_field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#fout-email")).to_have_text("Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.")
    assert "fout-email" in email_field.get_attribute("aria-describedby").split()
    expect(email_field).to_have_value("niet-een-adres")
    expect(page.get_by_label("Ledeberg")).to_be_checked()
    expect(page.get_by_role("alert")).to_contain_text("Kijk het formulier na")
    # The title says so first, and the focus is on the summary at the top of the form (autofocus: no script).
    expect(page).to_have_title(re.compile(r"^Fout: Abonneren op nieuws van de stad"))
    expect(page.locator("form .error-summary")).to_be_focused()
    assert axe(page) == []

    # Nothing chosen: the error is on the wijken group.
    email_field.fill("iemand@example.org")
    page.get_by_label("Ledeberg").uncheck()
    page.get_by_role("button", name="Abonneren").click()
    expect(page.locator("#fout-wijken")).to_contain_text("Kies minstens één")
    assert "fout-wijken" in page.locator("fieldset#wijken").get_attribute("aria-describedby")


def test_subscribe_confirm_change_preferences_and_stop_all(page, frontend_server, outbox, axe):
    address = f"burger-{uuid.uuid4().hex[:10]}@example.org"
    page.goto(frontend_server + "/nl/inschrijven")
    page.get_by_label("Uw e-mailadres").fill(address)
    page.get_by_label("Ledeberg").check()
    page.get_by_label(re.compile("^Crisisberichten")).check()
    page.get_by_role("button", name="Abonneren").click()
    expect(page.locator("h1")).to_have_text("Kijk in uw mailbox")
    assert axe(page) == []

    # The double opt-in link, as the backend e-mailed it.
    page.goto(_confirmation_link(outbox, address, frontend_server))
    expect(page.locator("h1")).to_have_text("Uw abonnement is bevestigd")
    assert axe(page) == []
    page.get_by_role("link", name="Naar uw voorkeuren").click()

    expect(page.locator("h1")).to_have_text("Uw voorkeuren")
    expect(page.locator("main")).not_to_contain_text(address)  # the address is shown masked
    expect(page.get_by_label("Ledeberg")).to_be_checked()
    expect(page.get_by_label(re.compile("^Crisisberichten"))).to_be_checked()
    assert axe(page) == []

    page.get_by_label("Ledeberg").uncheck()
    page.get_by_label("Binnenstad").check()
    page.get_by_label("Persberichten van de stad").check()
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Uw voorkeuren zijn opgeslagen.")
    page.reload()
    expect(page.get_by_label("Binnenstad")).to_be_checked()
    expect(page.get_by_label("Ledeberg")).not_to_be_checked()
    expect(page.get_by_label("Persberichten van de stad")).to_be_checked()

    preferences = page.url.split("&")[0]
    page.get_by_role("button", name="Stop alles").click()
    expect(page.locator("h1")).to_have_text("Uw abonnement is stopgezet")
    assert axe(page) == []
    page.goto(preferences)
    expect(page.locator("h1")).to_have_text("Uw voorkeuren")
    for label in ("Binnenstad", "Persberichten van de stad", "Per e-mail"):
        expect(page.get_by_label(label)).not_to_be_checked()


def test_a_broken_link_says_so_in_plain_dutch(page, frontend_server):
    response = page.goto(frontend_server + "/nl/inschrijven/bevestigen?token=kapot")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Deze link werkt niet (meer)")
    response = page.goto(frontend_server + "/nl/voorkeuren?token=kapot")
    assert response.status == 404
    assert response.headers["cache-control"] == "private, no-store"


def test_a_form_posted_from_another_site_is_refused(page, frontend_server):
    response = page.request.post(
        frontend_server + "/nl/inschrijven",
        form={"email": "slachtoffer@example.org", "crisis": "on"},
        headers={"Origin": "https://kwaadwillig.example"},
    )
    assert response.status == 403


def test_bel_mij_is_chosen_in_the_preference_centre_with_a_number_to_call(page, frontend_server, outbox, axe, tmp_path):
    address = f"luisteraar-{uuid.uuid4().hex[:10]}@example.org"
    page.goto(frontend_server + "/nl/inschrijven")
    page.get_by_label("Uw e-mailadres").fill(address)
    page.get_by_label(re.compile("^Crisisberichten")).check()
    page.get_by_role("button", name="Abonneren").click()
    page.goto(_confirmation_link(outbox, address, frontend_server))
    page.get_by_role("link", name="Naar uw voorkeuren").click()
    expect(page.get_by_label(re.compile("^Bel mij"))).not_to_be_checked()

    # "Bel mij" without a number on file: the error says what to do, beside the channels and in the summary.
    page.get_by_label(re.compile("^Bel mij")).check()
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.locator("#fout-channels")).to_contain_text("hebben we uw telefoonnummer nodig")
    expect(page.get_by_role("alert")).to_contain_text("Kijk het formulier na")
    expect(page.get_by_label(re.compile("^Bel mij"))).to_be_checked()  # what was ticked stays ticked
    assert axe(page) == []

    page.get_by_label("Telefoonnummer om u te bellen").fill("nummer")
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    phone = page.get_by_label("Telefoonnummer om u te bellen")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#fout-phone")).to_contain_text("Vul een geldig telefoonnummer in")

    phone.fill("09 210 10 10")
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Uw voorkeuren zijn opgeslagen.")
    page.reload()
    expect(page.get_by_label(re.compile("^Bel mij"))).to_be_checked()
    expect(page.get_by_label("Telefoonnummer om u te bellen")).to_have_value("")  # the number is not shown back
    assert axe(page) == []

    # The preference centre with "Bel mij" is valid HTML and fits a 320 px phone.
    (tmp_path / "voorkeuren.html").write_text(page.request.get(page.url).text())
    assert nu_errors({"voorkeuren.html": "/nl/voorkeuren"}, tmp_path) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
