"""A crisis alert end to end in a real browser on the seeded demo site: two people, one alert, live progress.

`persdienst` (the press office, which may send crisis alerts) composes an alert for Rabot,
sees how many people it will reach and requests it; it cannot confirm its own request.
`admin` confirms it in another browser; the alert page's progress reaches "sent of total"
with every message out, on the confirmer's page and, live (polling), on the requester's
page left open; the public banner endpoint shows the alert until it is ended.
"""

from __future__ import annotations

import json
import re
import urllib.request
import uuid

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "vrijhaven-demo"
REQUESTER = "persdienst"
CONFIRMER = "admin"


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _banner(base_url: str, **params) -> list[dict]:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    with urllib.request.urlopen(f"{base_url}/api/automation/crisis/active/?{query}", timeout=20) as response:
        assert response.headers["Cache-Control"] == "public, max-age=30"
        return json.loads(response.read())["alerts"]


def test_one_person_requests_another_confirms_and_the_progress_reaches_every_message(page: Page, browser, demo_server):
    headline = f"Brand in Rabot {uuid.uuid4().hex[:6]}"

    # The press office composes the alert for one wijk and sees its audience before requesting.
    _log_in(page, demo_server, REQUESTER)
    page.goto(f"{demo_server}/admin/crisis_alerts/nieuw/")
    page.get_by_label("Titel (intern)").fill("Brand Rabot (e2e)")
    page.get_by_label("Kop, Nederlands (verplicht)").fill(headline)
    page.get_by_label("Tekst, Nederlands").fill("Hou ramen en deuren dicht. Volg de instructies van de brandweer.")
    page.get_by_label("Kop, Français", exact=False).fill("Incendie à Rabot")
    page.get_by_label("Tekst, Français").fill("Fermez portes et fenêtres.")
    page.get_by_label("Gekozen wijken").check()
    page.get_by_label("Rabot - Blaisantvest").check()
    page.get_by_role("button", name="Ontwerp bewaren").click()
    page.wait_for_url(re.compile(r".*/admin/crisis_alerts/\d+/$"))
    alert_url = page.url
    expect(page.locator("#crisis-audience")).to_contain_text("2 abonnees")
    expect(page.locator("#crisis-audience")).to_contain_text("3 berichten")
    assert headline not in [a["headline"] for a in _banner(demo_server)]  # a draft is never public

    page.get_by_role("button", name="Aanvragen").click()
    expect(page.locator("#crisis-waits")).to_be_visible()
    expect(page.get_by_role("button", name="Bevestigen en versturen")).to_have_count(0)
    assert headline not in [a["headline"] for a in _banner(demo_server)]  # not before the second person

    # The requester's page stays open; the progress there (numbers still zero) follows without a reload.
    requester_progress = page.locator("#crisis-progress")
    expect(requester_progress.locator("p [data-count=total]")).to_have_text("0")

    # A second person, in another browser, confirms; the alert goes out.
    confirmer = browser.new_context(locale="nl-BE", timezone_id="Europe/Brussels").new_page()
    try:
        _log_in(confirmer, demo_server, CONFIRMER)
        confirmer.goto(alert_url)
        confirmer.get_by_role("button", name="Bevestigen en versturen").click()
        progress = confirmer.locator("#crisis-progress")
        expect(progress.locator("p [data-count=total]")).to_have_text("3")
        expect(progress.locator("p [data-count=sent]")).to_have_text("3", timeout=30_000)
        expect(progress.locator("tr[data-channel=sms] [data-count=sent]")).to_have_text("1")
        expect(progress.locator("tr[data-channel=email] [data-count=sent]")).to_have_text("2")
    finally:
        confirmer.context.close()

    # The requester's page, polling progress.json every 2 s, now shows the same without a reload.
    expect(requester_progress.locator("p [data-count=sent]")).to_have_text("3", timeout=15_000)
    expect(requester_progress.locator("p [data-count=total]")).to_have_text("3")
    expect(page.locator("#crisis-waits")).to_be_hidden()

    # The banner shows it to Rabot and the whole city, in French with a Dutch fallback, until it is ended.
    in_rabot = [a for a in _banner(demo_server, lang="fr", wijk="rabot-blaisantvest") if a["headline"] == "Incendie à Rabot"]
    assert len(in_rabot) == 1 and in_rabot[0]["wijken"] == [{"slug": "rabot-blaisantvest", "name": "Rabot - Blaisantvest"}]
    assert headline in [a["headline"] for a in _banner(demo_server, lang="en")]
    page.reload()  # the requester, with the permission, may end it too
    page.get_by_role("button", name="Beëindigen (banner weg)").click()
    expect(page.locator(".messages")).to_contain_text("Beëindigd")
    assert headline not in [a["headline"] for a in _banner(demo_server)]
