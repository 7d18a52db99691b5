"""What citizens search for reaches the editors: a citizen searches on the citizen site (without
JavaScript), an editor finds the question that found nothing in the admin report "Zoekvragen",
and the question with which a result was opened beside that page in its editor."""

from __future__ import annotations

import random
import re
import string

from playwright.sync_api import expect

from tests.e2e.frontend.test_preview import log_in, open_editor

EDITOR = "redacteur.milieu"


def test_a_citizens_searches_reach_the_editors_report_and_page(browser, demo_server, frontend_server):
    nonsense = "".join(random.choices(string.ascii_lowercase, k=10))  # letters only: not withheld as a number
    citizen = browser.new_context(java_script_enabled=False, locale="nl-BE")
    try:
        page = citizen.new_page()
        # Keyword mode, as in test_search.py: with the e2e hashing embedder a vector search
        # always finds a nearest page, so only keywords can find nothing.
        page.goto(f"{frontend_server}/nl/zoeken?q={nonsense}&mode=keyword")
        expect(page.locator("main h2").first).to_have_text(f"We vonden niets voor „{nonsense}”")

        page.goto(f"{frontend_server}/nl/zoeken")
        page.get_by_label("Zoek op de site").fill("Afvalkalender")
        page.get_by_label("Zoek op de site").press("Enter")
        first = page.locator("ol.results > li").first.get_by_role("link")
        expect(first).to_have_attribute("href", re.compile(r"^/nl/zoeken/open\?t="))
        title = first.inner_text()
        first.click()  # a plain link through the counted redirect
        expect(page.locator("h1")).to_have_text(title)
        assert "/zoeken" not in page.url and page.url.startswith(frontend_server + "/nl/")
    finally:
        citizen.close()

    editor = browser.new_context(locale="nl-BE")
    try:
        page = editor.new_page()
        log_in(page, demo_server, EDITOR)
        page.get_by_role("button", name="Rapporten").click()
        page.get_by_role("link", name="Zoekvragen").click()
        page.wait_for_url(f"{demo_server}/admin/zoekvragen/")

        nothing_found = page.get_by_role("region", name="Gezocht maar niets gevonden")
        row = nothing_found.get_by_role("row").filter(has_text=nonsense)
        expect(row).to_have_count(1)
        expect(row.get_by_role("link", name=re.compile("^Pagina maken"))).to_be_visible()
        expect(nothing_found.get_by_role("img", name=re.compile("Gezocht maar niets gevonden: per dag"))).to_be_visible()
        expect(page.get_by_role("region", name="Meest gezocht")).to_contain_text("afvalkalender")

        open_editor(page, demo_server, title)
        page.get_by_role("button", name="Zoekvragen van burgers tonen of verbergen").click()
        panel = page.locator("[data-page-questions]")
        expect(panel).to_be_visible()
        expect(panel.get_by_role("rowheader", name="afvalkalender")).to_be_visible()
    finally:
        editor.close()
