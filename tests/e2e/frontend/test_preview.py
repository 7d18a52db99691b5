"""Editors' preview: an editor saves a draft in the admin and presses "Voorbeeld in front end";
the front end shows the draft with the normal views under a "not published" banner, never
cached or indexed, while citizens still see the published page."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import expect

DEMO_PASSWORD = "vrijhaven-demo"
EDITOR = "redacteur.milieu"
PAGE_TITLE = "Sluikstort of zwerfvuil melden"
PAGE_PATH = "/nl/themas/sluikstorten-melden"


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def open_editor(page, base_url: str, title: str) -> None:
    page.goto(f"{base_url}/admin/pages/search/?q={title.replace(' ', '+')}")
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))


def preview_button_href(page) -> str:
    """The header's 'Voorbeeld in front end' link (it may sit in the header's actions menu)."""
    link = page.locator("a", has_text="Voorbeeld in front end").first
    if not link.is_visible():
        page.locator("header [data-w-dropdown-target=toggle]").first.click()
    return link.get_attribute("href")


def test_an_editor_previews_a_draft_in_the_front_end(page, demo_server, frontend_server, axe):
    draft_intro = f"Ontwerp: meld sluikstort voortaan ook per app ({uuid.uuid4().hex[:8]})."
    log_in(page, demo_server, EDITOR)
    open_editor(page, demo_server, PAGE_TITLE)
    page.locator("[name=intro]").fill(draft_intro)
    page.locator("footer button.action-save").first.click()
    expect(page.locator(".messages")).to_contain_text(PAGE_TITLE)

    # The button opens the admin's signing view in a new tab, which redirects to the front end.
    href = preview_button_href(page)
    preview = page.context.new_page()
    preview.goto(href if href.startswith("http") else demo_server + href)
    expect(preview).to_have_url(re.compile(re.escape(frontend_server) + r"/preview\?token="))
    expect(preview.get_by_role("region", name="Voorbeeld: niet gepubliceerd")).to_contain_text("Bezoekers van de website zien deze versie niet.")
    expect(preview.locator("main")).to_contain_text(draft_intro)
    expect(preview.locator("h1")).to_have_text(PAGE_TITLE)
    assert axe(preview) == []

    answer = preview.request.get(preview.url)
    assert answer.status == 200
    assert answer.headers["cache-control"] == "private, no-store"
    assert answer.headers["x-robots-tag"] == "noindex"

    # Citizens still see the published page.
    public = preview.request.get(frontend_server + PAGE_PATH)
    assert draft_intro not in public.text()


def test_a_bad_preview_token_is_the_404_page(page, frontend_server):
    response = page.goto(frontend_server + "/preview?token=vervalst")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Deze pagina bestaat niet")
    assert response.headers["cache-control"] == "private, no-store"
