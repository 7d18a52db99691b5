"""The site search in Chromium against the seeded demo backend: a plain GET form that works
without JavaScript, facets that narrow the results, highlighted passages, a helpful answer
when nothing is found, and title suggestions as one types (a WAI-ARIA combobox)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.frontend.conftest import watch_csp


def test_search_with_a_facet(page, frontend_server, axe):
    page.goto(frontend_server + "/nl")
    page.get_by_role("search").get_by_label("Zoek op de site").fill("grof huisvuil")
    page.get_by_role("search").get_by_role("button", name="Zoeken").click()

    expect(page).to_have_url(re.compile(r"/nl/zoeken\?q=grof\+huisvuil"))
    results = page.locator("ol.results > li")
    expect(results.first).to_contain_text("Grof huisvuil laten ophalen aan huis")
    expect(results.first.locator("mark").first).to_have_text(re.compile("grof|huisvuil", re.I))
    everything = int(page.locator("#resultaten").inner_text().split()[0])

    facets = page.locator("aside.facets")
    facets.get_by_role("checkbox", name=re.compile(r"^Persbericht \(\d+\)")).check()
    facets.get_by_role("button", name="Filters toepassen").click()

    expect(page).to_have_url(re.compile(r"type=pressroom\.PressReleasePage"))
    expect(results.first).to_be_visible()
    assert 0 < int(page.locator("#resultaten").inner_text().split()[0]) < everything
    for meta in page.locator("ol.results .results__meta").all_inner_texts():
        assert meta.strip() == "Persbericht"
    expect(page.locator("aside.facets").get_by_role("checkbox", name=re.compile("^Persbericht"))).to_be_checked()
    assert axe(page) == []


def test_nothing_found_says_what_to_try(page, frontend_server, axe):
    # Keyword mode, with the language link a keyword answer offers; the default (hybrid)
    # mode's "nothing found" for noise is tested in test_search_nothing_found.py.
    response = page.goto(frontend_server + "/nl/zoeken?q=xqzvwj+plofkraak&mode=keyword")
    assert response.status == 200
    expect(page.locator("main h2").first).to_have_text("We vonden niets voor „xqzvwj plofkraak”")
    expect(page.locator("main")).to_contain_text("Kijk de spelling na.")
    expect(page.get_by_role("link", name="Zoek in alle talen.")).to_be_visible()
    assert axe(page) == []


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_search_page_passes_axe_and_works_without_javascript(browser, frontend_server, axe, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="nl-BE")
    violations = watch_csp(context, frontend_server)
    page = context.new_page()
    try:
        page.goto(frontend_server + "/nl/zoeken")
        page.get_by_label("Zoek op de site").fill("afvalkalender")
        page.get_by_label("Zoek op de site").press("Enter")
        expect(page.locator("ol.results > li").first).to_contain_text("Afvalkalender")
        if javascript:
            assert axe(page) == []
        assert violations == []
    finally:
        context.close()


def test_suggestions_as_one_types_are_keyboard_operable(page, frontend_server, axe):
    page.goto(frontend_server + "/nl/zoeken")
    field = page.get_by_role("combobox", name="Zoek op de site")
    field.press_sequentially("afvalk", delay=40)

    listbox = page.get_by_role("listbox", name="Suggesties")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#zoekterm-status")).to_contain_text("suggestie")
    first = listbox.get_by_role("option").first
    title = first.inner_text()

    field.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    assert axe(page) == []

    field.press("Enter")
    expect(page.locator("h1")).to_have_text(title)


def test_escape_closes_the_suggestions(page, frontend_server):
    page.goto(frontend_server + "/nl/zoeken")
    field = page.get_by_role("combobox", name="Zoek op de site")
    field.press_sequentially("afvalk", delay=40)
    expect(page.get_by_role("listbox")).to_be_visible()
    field.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("afvalk")


def test_reading_pages_still_ship_no_javascript(page, frontend_server):
    page.goto(frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen")
    expect(page.get_by_role("search")).to_be_visible()  # the header's search box is a plain form
    assert page.locator("script").count() == 0
