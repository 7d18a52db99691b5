"""The signage player (`/signage/<wijk>`, `/signage`) in Chromium, as a screen in a library
runs it: it cycles the wijk's playlist with the API's durations (each slide's QR code leading
to its page on the site), a crisis alert for the wijk
takes the screen within 30 seconds and gives it back when it ends, and the last playlist keeps
playing while the API is unreachable (in memory, and after a reload from localStorage).

`?speed=4` divides the slide durations and the playlist poll by four (documented in the
README); alerts are polled every 15 s whatever the speed, so the alert test waits as long as a
real screen would. Every page here runs under the site's real Content-Security-Policy: a
violation (an inline script, a picture from elsewhere) fails the test (conftest `page`).
"""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid

import pytest
from playwright.sync_api import expect

WIJK = "brugse-poort-rooigem"
OTHER_WIJK = "ledeberg"
SPEED = 4
#: The promise to a city: an alert is on the screens within 30 seconds.
ALERT_WITHIN_MS = 30_000

CREATE_ALERT = """
from django.contrib.auth import get_user_model
from django.utils import timezone
from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.models import CrisisAlert
from cms.core.models import Wijk
officer = get_user_model().objects.get(username="persdienst")
wijken = [Wijk.objects.get(slug=slug) for slug in {wijken!r}]
alert = crisis_alert_compose(
    by=officer, title="e2e signage {tag}", channels=["sms"], wijken=wijken, url="https://stad.gent/crisis",
    texts={{"nl": AlertText("Gaslek {tag}: blijf uit de buurt", "De brandweer is ter plaatse. Houd ramen en deuren dicht.")}},
)
CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.FANNED_OUT, confirmed_at=timezone.now())
print(alert.pk)
"""

END_ALERT = """
from django.utils import timezone
from automation.crisis.models import CrisisAlert
CrisisAlert.objects.filter(pk={pk}).update(ended_at=timezone.now())
"""


def _slides(page, frontend_server: str, wijk: str | None = WIJK) -> list[dict]:
    """The playlist the screen plays, as the player script reads it."""
    query = f"?wijk={wijk}" if wijk else ""
    response = page.request.get(f"{frontend_server}/signage/playlist.json{query}")
    assert response.ok, response.status
    slides = response.json()["slides"]
    assert len(slides) >= 4, "the demo's playlist for the wijk should hold a few slides"
    return slides


def _create_alert(demo_shell, wijken: list[str]) -> tuple[int, str]:
    tag = uuid.uuid4().hex[:6]
    pk = int(demo_shell(CREATE_ALERT.format(tag=tag, wijken=wijken)).strip().splitlines()[-1])
    return pk, f"Gaslek {tag}: blijf uit de buurt"


@pytest.fixture
def screen(page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    return page


def _decode_qr(png) -> str:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.fail("zbarimg is missing: apt-get install zbar-tools", pytrace=False)
    return subprocess.run([zbarimg, "-q", "--raw", str(png)], capture_output=True, text=True, check=False).stdout.strip()


def test_the_screen_cycles_the_playlist_with_its_durations(screen, frontend_server, tmp_path, axe):
    slides = _slides(screen, frontend_server)
    screen.goto(f"{frontend_server}/signage/{WIJK}?speed={SPEED}")
    title = screen.locator(".slide__title")
    expect(title).to_have_text(slides[0]["title"])
    started = time.monotonic()

    # Slide 1 stays for its duration (12 s / 4 for an event), then slide 2, then slide 3.
    expect(title).to_have_text(slides[1]["title"], timeout=slides[0]["durationSeconds"] * 1000 / SPEED + 10_000)
    assert time.monotonic() - started >= slides[0]["durationSeconds"] / SPEED * 0.8
    expect(title).to_have_text(slides[2]["title"], timeout=slides[1]["durationSeconds"] * 1000 / SPEED + 10_000)

    # Readable from 3 m: titles at least 4vw; a screen shows no cursor and has nothing to click.
    style = title.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(document.body).cursor]")
    assert style[0] >= 0.04 * 1920
    assert style[1] == "none"
    assert screen.locator("a, button, input").count() == 0
    assert axe(screen) == []
    expect(screen.locator(".signage__place")).to_have_text("Brugse Poort - Rooigem")

    # The QR code beside a slide leads to that page on this site (decoded by zbar, as a phone would).
    expect(title).to_have_text(slides[3]["title"], timeout=slides[2]["durationSeconds"] * 1000 / SPEED + 10_000)
    screen.locator(".slide__qr").screenshot(path=tmp_path / "qr.png")
    target = _decode_qr(tmp_path / "qr.png")
    assert target == slides[3]["link"] and target.startswith(f"{frontend_server}/nl/")
    assert screen.request.get(target).ok


def test_an_alert_for_the_wijk_takes_the_screen_until_it_ends(screen, frontend_server, demo_shell, browser):
    slides = _slides(screen, frontend_server)
    screen.goto(f"{frontend_server}/signage/{WIJK}?speed={SPEED}")
    expect(screen.locator(".slide__title")).to_have_text(slides[0]["title"])
    alert = screen.locator("[data-alert]")
    expect(alert).to_be_hidden()

    pk, headline = _create_alert(demo_shell, [WIJK])
    try:
        # No reload: the player's poll finds it within the promised 30 seconds.
        expect(alert).to_be_visible(timeout=ALERT_WITHIN_MS)
        expect(alert).to_contain_text("Crisisbericht")
        expect(alert).to_contain_text(headline)
        expect(alert).to_contain_text("Houd ramen en deuren dicht.")
        expect(screen.locator("[data-slides]")).to_be_hidden()
        # It stays: the cycle does not push it away after a slide's duration.
        screen.wait_for_timeout(max(s["durationSeconds"] for s in slides) * 1000 / SPEED + 1000)
        expect(alert).to_contain_text(headline)

        # Another wijk's screen and the city-wide screen are not interrupted by it.
        other = browser.new_page(viewport={"width": 1280, "height": 720})
        try:
            for path in (f"/signage/{OTHER_WIJK}", "/signage"):
                other.goto(f"{frontend_server}{path}?speed={SPEED}")
                expect(other.locator(".slide__title")).to_be_visible()
                other.wait_for_load_state("networkidle")
                expect(other.locator("[data-alert]")).to_be_hidden()
        finally:
            other.close()
    finally:
        demo_shell(END_ALERT.format(pk=pk))

    # Ended: the screen goes back to the playlist, and the cycle moves on again.
    expect(alert).to_be_hidden(timeout=ALERT_WITHIN_MS)
    title = screen.locator(".slide__title")
    expect(title).to_be_visible()
    shown = title.text_content()
    expect(title).not_to_have_text(shown, timeout=max(s["durationSeconds"] for s in slides) * 1000 / SPEED + 10_000)


def test_a_city_wide_alert_shows_on_every_screen(screen, frontend_server, demo_shell):
    pk, headline = _create_alert(demo_shell, [])
    try:
        for path in (f"/signage/{WIJK}", "/signage"):
            screen.goto(f"{frontend_server}{path}?speed={SPEED}")
            expect(screen.locator("[data-alert]")).to_contain_text(headline, timeout=ALERT_WITHIN_MS)
        screen.set_viewport_size({"width": 1280, "height": 720})
        # Read in one go in the page: the alert poll may swap the headline element for an equal one.
        size = screen.wait_for_function(
            """() => {
                const headline = document.querySelector(".signage__alert-headline");
                const size = headline && parseFloat(getComputedStyle(headline).fontSize);
                return size > 0 ? size : null;
            }"""
        ).json_value()
        assert size >= 0.04 * 1280
    finally:
        demo_shell(END_ALERT.format(pk=pk))


def test_the_last_playlist_keeps_playing_while_the_api_is_unreachable(screen, frontend_server):
    slides = _slides(screen, frontend_server)
    titles = [slide["title"] for slide in slides]
    screen.goto(f"{frontend_server}/signage/{WIJK}?speed={SPEED}")
    title = screen.locator(".slide__title")
    expect(title).to_have_text(titles[0])
    screen.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('vrijhaven-signage:'))")
    status = screen.locator("[data-status]")
    expect(status).to_be_hidden()

    # The API becomes unreachable for the screen.
    def fail(route):
        route.abort("connectionrefused")

    screen.route("**/signage/playlist.json*", fail)
    screen.route("**/signage/alerts.json*", fail)
    # The next playlist poll (60 s / 4) fails: the screen says so and plays on from memory.
    expect(status).to_be_visible(timeout=60_000 / SPEED + 10_000)
    expect(status).to_contain_text("Geen verbinding. Laatst bijgewerkt om")
    shown = title.text_content()
    expect(title).not_to_have_text(shown, timeout=20_000)
    assert title.text_content() in titles

    # Reloaded during the outage: the stored playlist plays (the server draws one slide only).
    screen.reload()
    expect(status).to_be_visible()
    expect(title).to_have_text(titles[0])
    expect(title).to_have_text(titles[1], timeout=slides[0]["durationSeconds"] * 1000 / SPEED + 10_000)
    expect(title).to_have_text(titles[2], timeout=slides[1]["durationSeconds"] * 1000 / SPEED + 10_000)

    # The API is back: the next poll clears the notice.
    screen.unroute("**/signage/playlist.json*")
    screen.unroute("**/signage/alerts.json*")
    expect(status).to_be_hidden(timeout=60_000 / SPEED + 10_000)
    expect(title).to_be_visible()


def test_without_javascript_the_server_draws_a_slide_and_refreshes_to_the_next(browser, frontend_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        slides = _slides(page, frontend_server)
        page.goto(f"{frontend_server}/signage/{WIJK}?speed={SPEED}")
        expect(page.locator(".slide__title")).to_have_text(slides[0]["title"])
        # The meta refresh (inside <noscript>) moves on after the slide's duration.
        expect(page.locator(".slide__title")).to_have_text(slides[1]["title"], timeout=slides[0]["durationSeconds"] * 1000 / SPEED + 10_000)
        assert "slide=1" in page.url
    finally:
        context.close()


def test_an_unknown_wijk_says_so(screen, frontend_server):
    response = screen.goto(f"{frontend_server}/signage/nergensland")
    assert response.status == 404
    expect(screen.locator(".slide__title")).to_contain_text("Geen wijk met de naam “nergensland”")
