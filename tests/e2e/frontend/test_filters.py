"""Filtering the press room and the project list with a plain GET form: it works without
JavaScript, the filtered list has its own URL, and a hand-edited URL never breaks the page."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_press_room_filters_on_wijk(page, frontend_server, axe):
    page.goto(frontend_server + "/nl/pers")
    everything = page.locator("main .cards > li").count()

    page.get_by_label("Wijk", exact=True).select_option(label="Binnenstad")
    page.get_by_role("button", name="Toon").click()

    expect(page).to_have_url(re.compile(r"/nl/pers\?wijk=binnenstad"))
    cards = page.locator("main .cards > li")
    expect(cards.first).to_be_visible()
    assert 0 < cards.count() < everything
    expect(page.locator("main .cards")).to_contain_text("ondergrondse afvalcontainers")
    expect(page.get_by_label("Wijk", exact=True)).to_have_value("binnenstad")
    assert axe(page) == []


def test_project_list_filters_on_participation_status(page, frontend_server, axe):
    page.goto(frontend_server + "/nl/projecten")
    page.get_by_label("Inspraak", exact=True).select_option(value="in_development")
    page.get_by_role("button", name="Toon").click()

    expect(page).to_have_url(re.compile(r"inspraak=in_development"))
    metas = page.locator("main .cards .card__meta")
    expect(metas.first).to_be_visible()
    for text in metas.all_text_contents():
        assert text == "Beleid in ontwikkeling: uw inbreng is welkom"
    assert axe(page) == []


def test_unknown_filter_values_give_the_whole_list(page, frontend_server):
    response = page.goto(frontend_server + "/nl/pers?wijk=atlantis&jaar=1850")
    assert response.status == 200
    expect(page.get_by_label("Wijk", exact=True)).to_have_value("")
    assert page.locator("main .cards > li").count() > 3
