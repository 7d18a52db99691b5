"""A page experiment in the demo, end to end: a citizen without JavaScript sees both versions
of the button over several views, follows it and lands where it leads; a reviewer finds the
experiment from the page's editor and reads the views and the click in its results."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.frontend.test_preview import log_in, open_editor

# The demo's experiment (cms/importers/seed/experiments.py), as a citizen and an editor see it.
PAGE_SLUG = "groendak-subsidie"
VERSION_B = "Vraag uw groendakpremie nu aan"

PAGE_TITLE = "Subsidie voor een groendak"
VERSION_A = "Groendaksubsidie aanvragen"
TARGET = "https://stad.gent/nl/klimaat/groendaken"
VIEWS = 24  # both versions in 24 fair draws: all but 2 in 16 million runs


def test_a_page_experiment_runs_end_to_end_without_javascript(browser, demo_server, frontend_server):
    citizen = browser.new_context(java_script_enabled=False, locale="nl-BE")
    # The button leads to the city's real site: answered here, at the wire, so the test stays offline.
    citizen.route(re.compile(r"^https://stad\.gent/.*"), lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8",
        body="<!doctype html><html lang=nl><title>stad.gent</title><h1>Groendaken op stad.gent</h1></html>"))
    seen: list[str] = []
    try:
        page = citizen.new_page()
        for _ in range(VIEWS):
            response = page.goto(f"{frontend_server}/nl/themas/{PAGE_SLUG}")
            assert response.status == 200
            assert response.headers["cache-control"] == "private, no-store"
            expect(page.locator("h1")).to_have_text(PAGE_TITLE)
            button = page.locator(".cta a.button").first
            expect(button).to_have_attribute("href", re.compile(r"^/nl/experiment/klik\?t="))
            seen.append(button.inner_text().strip())
        assert set(seen) == {VERSION_A, VERSION_B}, seen
        clicked_version = "A" if seen[-1] == VERSION_A else "B"

        page.locator(".cta a.button").first.click()  # a plain link through the counting redirect
        page.wait_for_url(TARGET)
        expect(page.locator("h1")).to_have_text("Groendaken op stad.gent")
        page.goto(f"{frontend_server}/nl/themas/{PAGE_SLUG}")  # one more view, not clicked
    finally:
        citizen.close()

    reviewer = browser.new_context(locale="nl-BE")
    try:
        page = reviewer.new_page()
        log_in(page, demo_server, "reviewer")
        open_editor(page, demo_server, PAGE_TITLE)
        expect(page.get_by_text("Deze pagina heeft een experiment")).to_be_visible()
        page.get_by_role("link", name="Resultaten bekijken").click()
        page.wait_for_url(re.compile(r".*/admin/pagina-experimenten/\d+/$"))
        table = page.get_by_test_id("results")
        exposed = {v: int(table.get_by_test_id(f"exposed-{v}").inner_text()) for v in "AB"}
        clicked = {v: int(table.get_by_test_id(f"clicked-{v}").inner_text()) for v in "AB"}
        assert sum(exposed.values()) == VIEWS + 1, exposed
        assert exposed["B"] >= seen.count(VERSION_B)  # the last, unread view may have been either
        assert clicked == {"A": int(clicked_version == "A"), "B": int(clicked_version == "B")}
        expect(page.get_by_test_id("verdict")).to_contain_text("Nog te vroeg")
        expect(page.get_by_role("img", name=re.compile("Verschil in klikratio"))).to_be_visible()
    finally:
        reviewer.close()
