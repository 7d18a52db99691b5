"""Revalidation: the front end keeps API answers in memory (fresh for the API's max-age),
and the backend's signed publish webhook drops what changed. So after an editor publishes,
the change is on the site at once, not a minute later."""

from __future__ import annotations

import re
import uuid
from urllib.request import Request, urlopen

from playwright.sync_api import expect

from tests.e2e.frontend.test_preview import log_in, open_editor

PAGE_TITLE = "Brandveilig wonen: rookmelders en vluchtplan"
PAGE_PATH = "/nl/themas/brandveiligheid-rookmelders"


def _html(url: str) -> str:
    with urlopen(Request(url), timeout=30) as response:
        return response.read().decode()


def test_a_published_change_shows_at_once(page, demo_server, frontend_server):
    before = _html(frontend_server + PAGE_PATH)  # now in the front end's memory, fresh for 60 s
    new_intro = f"Een rookmelder redt levens: hang er een op elke verdieping ({uuid.uuid4().hex[:8]})."
    assert new_intro not in before

    log_in(page, demo_server, "admin")
    open_editor(page, demo_server, PAGE_TITLE)
    page.locator("[name=intro]").fill(new_intro)
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("gepubliceerd", re.I))

    # Well within the 60 s the API allows an answer to be reused: only the webhook explains it.
    assert new_intro in _html(frontend_server + PAGE_PATH)
    page.goto(frontend_server + PAGE_PATH)
    expect(page.locator("main")).to_contain_text(new_intro)


def test_an_unsigned_revalidation_is_refused(frontend_server):
    request = Request(frontend_server + "/api/revalidate", data=b'{"path": "/nl/"}', method="POST",
                      headers={"Content-Type": "application/json", "X-Vrijhaven-Signature": "sha256=00"})
    try:
        urlopen(request, timeout=10)
    except Exception as error:  # noqa: BLE001 - urllib raises HTTPError for 4xx
        assert getattr(error, "code", None) == 401
    else:
        raise AssertionError("a forged webhook was accepted")
