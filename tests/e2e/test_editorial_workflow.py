"""The editorial network end to end, in a real browser against the seeded demo site.

A department's web editor changes a theme page and submits it to the review workflow; the
page stays as it was for citizens until a reviewer approves it, and then the change is
live. This is the daily path of the Ghent editors' network, so it must work in the admin
as people use it, not only through the ORM.
"""

from __future__ import annotations

import re
import urllib.request
import uuid

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "vrijhaven-demo"
EDITOR = "redacteur.milieu"
REVIEWER = "reviewer"
PAGE_TITLE = "Grof huisvuil laten ophalen aan huis"
PAGE_PATH = "/nl/themas/grof-huisvuil-laten-ophalen/"


def _log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _log_out(page: Page, base_url: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")


def _open_editor_for(page: Page, base_url: str, title: str) -> str:
    """Find the page through the admin search (Wagtail's database backend) and open its editor."""
    page.goto(f"{base_url}/admin/pages/search/?q={urllib.request.quote(title)}")
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    return page.url


def _public_html(base_url: str) -> str:
    with urllib.request.urlopen(f"{base_url}{PAGE_PATH}", timeout=20) as response:
        return response.read().decode()


def test_editor_submits_reviewer_approves_and_the_change_goes_live(page: Page, demo_server):
    new_intro = f"Grof huisvuil wordt op afspraak aan huis opgehaald (bijgewerkt {uuid.uuid4().hex[:8]})."
    assert new_intro not in _public_html(demo_server)

    # The web editor of the environment department edits the page and submits it for review.
    _log_in(page, demo_server, EDITOR)
    edit_url = _open_editor_for(page, demo_server, PAGE_TITLE)
    intro = page.locator("[name=intro]")
    intro.fill(new_intro)
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text(f"'{PAGE_TITLE}' is ter goedkeuring ingediend")
    # An editor may not publish: no publish action is offered.
    page.goto(edit_url)
    expect(page.locator("button[name=action-publish]")).to_have_count(0)

    # Citizens still see the published version while the change waits for review.
    assert new_intro not in _public_html(demo_server)

    # The reviewer finds it awaiting review and approves it, which publishes it.
    _log_out(page, demo_server)
    _log_in(page, demo_server, REVIEWER)
    expect(page.locator("body")).to_contain_text(PAGE_TITLE)  # dashboard: awaiting your review
    page.goto(edit_url)
    expect(page.locator("[name=intro]")).to_have_value(new_intro)
    page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first.click()
    page.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state("networkidle")

    # The change is live for citizens.
    assert new_intro in _public_html(demo_server)
    page.goto(f"{demo_server}{PAGE_PATH}")
    expect(page.locator("body")).to_contain_text(new_intro)
