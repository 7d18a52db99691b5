"""The crisis banner: an alert confirmed in the backend shows on every page of the front end,
in the page's language (Dutch when not translated), as a labelled region, not an alert
that interrupts screen readers on each page load; an ended alert disappears."""

from __future__ import annotations

import time
import uuid

import pytest
from playwright.sync_api import expect

# The API lets the banner be cached for 30 s; allow a little more before giving up.
BANNER_WAIT_SECONDS = 45

CREATE_ALERT = """
from django.contrib.auth import get_user_model
from django.utils import timezone
from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.models import CrisisAlert
officer = get_user_model().objects.get(username="persdienst")
alert = crisis_alert_compose(
    by=officer, title="e2e {tag}", channels=["sms"], wijken=[], url="https://stad.gent/crisis",
    texts={{"nl": AlertText("Stroomstoring in Gent {tag}", "Blijf binnen en volg de radio."),
            "fr": AlertText("Panne de courant à Gand {tag}", "Restez chez vous et écoutez la radio.")}},
)
CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.FANNED_OUT, confirmed_at=timezone.now())
print(alert.pk)
"""

END_ALERT = """
from django.utils import timezone
from automation.crisis.models import CrisisAlert
CrisisAlert.objects.filter(pk={pk}).update(ended_at=timezone.now())
"""


def _reload_until(page, url: str, check) -> None:
    deadline = time.monotonic() + BANNER_WAIT_SECONDS
    while True:
        page.goto(url)
        if check(page) or time.monotonic() > deadline:
            return
        time.sleep(2)


@pytest.fixture
def active_alert(frontend_server, demo_shell):
    tag = uuid.uuid4().hex[:6]
    pk = int(demo_shell(CREATE_ALERT.format(tag=tag)).strip().splitlines()[-1])
    yield tag
    demo_shell(END_ALERT.format(pk=pk))


def test_an_active_alert_shows_on_every_page_in_its_language(page, frontend_server, active_alert, axe):
    headline = f"Stroomstoring in Gent {active_alert}"
    _reload_until(page, frontend_server + "/nl", lambda p: p.get_by_text(headline).count() > 0)

    banner = page.get_by_role("region", name="Crisisbericht")
    expect(banner).to_contain_text(headline)
    expect(banner).to_contain_text("Blijf binnen en volg de radio.")
    expect(banner.get_by_role("link", name="Meer informatie")).to_have_attribute("href", "https://stad.gent/crisis")
    assert page.locator("[role=alert]").count() == 0
    assert axe(page) == []

    page.goto(frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen")
    expect(page.get_by_role("region", name="Crisisbericht")).to_contain_text(headline)
    assert page.locator("script").count() == 0  # still no JavaScript on reading pages

    # French where translated; English falls back to the Dutch text, marked as Dutch.
    _reload_until(page, frontend_server + "/fr", lambda p: p.get_by_text(f"Panne de courant à Gand {active_alert}").count() > 0)
    expect(page.get_by_role("region", name="Alerte de crise")).to_contain_text(f"Panne de courant à Gand {active_alert}")
    _reload_until(page, frontend_server + "/en", lambda p: p.get_by_text(headline).count() > 0)
    expect(page.locator(".crisis__alert[lang=nl]")).to_contain_text(headline)
    assert axe(page) == []


def test_an_ended_alert_disappears(page, frontend_server, demo_shell):
    tag = uuid.uuid4().hex[:6]
    pk = int(demo_shell(CREATE_ALERT.format(tag=tag)).strip().splitlines()[-1])
    headline = f"Stroomstoring in Gent {tag}"
    _reload_until(page, frontend_server + "/nl/pers", lambda p: p.get_by_text(headline).count() > 0)
    expect(page.get_by_text(headline)).to_be_visible()
    demo_shell(END_ALERT.format(pk=pk))
    _reload_until(page, frontend_server + "/nl/pers", lambda p: p.get_by_text(headline).count() == 0)
    expect(page.get_by_text(headline)).to_have_count(0)
