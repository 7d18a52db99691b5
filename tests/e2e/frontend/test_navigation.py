"""A reader's ways through the site: following links from the home page down to an
article, switching language, and using the keyboard (skip link, visible focus)."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_reader_follows_links_from_home_to_a_city_wide_article(page, frontend_server):
    page.goto(frontend_server + "/nl")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Wijken").click()
    expect(page.locator("h1")).to_have_text("Wijken")

    page.get_by_role("link", name="Brugse Poort - Rooigem").click()
    expect(page.locator("h1")).to_have_text("Brugse Poort - Rooigem")
    page.get_by_role("link", name="Brugse Poort Nieuws").click()
    page.get_by_role("link", name="Brugse Poort Nieuws oktober 2026").click()

    city = page.locator("section[aria-labelledby=stad]")
    expect(city.get_by_role("heading", name="Nieuws uit heel Gent")).to_be_visible()
    city.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/nl/wijken/gent-magazine/editie-\d+/"))
    # The breadcrumb trail leads back up.
    page.get_by_role("navigation", name="U bent hier").get_by_role("link", name="Start").click()
    expect(page).to_have_url(frontend_server + "/nl")


def test_home_lists_the_latest_press_releases(page, frontend_server):
    page.goto(frontend_server + "/nl")
    news = page.locator("section[aria-labelledby=nieuws] .card")
    expect(news).to_have_count(3)
    news.first.get_by_role("link").click()
    expect(page.locator("section[aria-labelledby=perscontact]")).to_be_visible()


def test_language_switcher_goes_to_the_translation(page, frontend_server):
    page.goto(frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen")
    switcher = page.get_by_role("navigation", name="Deze pagina in een andere taal")
    french = switcher.get_by_role("link", name="Français")
    expect(french).to_have_attribute("lang", "fr")
    french.click()

    assert page.get_attribute("html", "lang") == "fr"
    expect(page.locator("h1")).to_have_text("Faire enlever vos encombrants à domicile")
    back = page.get_by_role("navigation", name="Cette page dans une autre langue").get_by_role("link", name="Nederlands")
    expect(back).to_have_attribute("lang", "nl")


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(page, frontend_server):
    page.goto(frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The next Tab lands inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
