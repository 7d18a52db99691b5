"""Search in Chromium says "nothing found" when the site holds no answer, in the default
(hybrid) mode a citizen gets, and still lists results for a question it answers.

The browser tests index with the hashing embedder (tests/e2e/conftest.py), whose own
margins (search/embeddings.py) let search.answerability decide: "xqzvwkj" matches no word
and no page stands out, "grofvuil" occurs on the site.
"""

from __future__ import annotations

from playwright.sync_api import expect


def test_nonsense_gets_the_no_results_help(page, frontend_server, axe):
    response = page.goto(frontend_server + "/nl/zoeken?q=xqzvwkj")
    assert response.status == 200
    main = page.locator("main")
    expect(main.locator("h2").first).to_contain_text("We vonden niets voor")
    expect(main.locator("h2").first).to_contain_text("xqzvwkj")
    expect(main).to_contain_text("Kijk de spelling na.")
    expect(main).to_contain_text("Bel Gentinfo")
    expect(page.locator("ol.results > li")).to_have_count(0)
    assert axe(page) == []


def test_the_same_help_in_english(page, frontend_server):
    page.goto(frontend_server + "/en/zoeken?q=xqzvwkj")
    expect(page.locator("main h2").first).to_contain_text("We found nothing for")
    expect(page.locator("main")).to_contain_text("Check the spelling.")


def test_a_question_the_site_answers_lists_results(page, frontend_server):
    page.goto(frontend_server + "/nl")
    page.get_by_role("search").get_by_label("Zoek op de site").fill("grofvuil")
    page.get_by_role("search").get_by_role("button", name="Zoeken").click()
    results = page.locator("ol.results > li")
    expect(results.first).to_be_visible()
    expect(page.locator("#resultaten")).to_contain_text("grofvuil")
    expect(page.locator("main")).not_to_contain_text("We vonden niets voor")
    assert "grof" in results.first.inner_text().lower()
