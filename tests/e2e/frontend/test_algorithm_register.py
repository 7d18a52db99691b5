"""The algorithm register on the citizen site: reachable from every page's footer, readable
in Dutch and French, with the settings in force, and accessible (axe)."""

from __future__ import annotations

from playwright.sync_api import expect


def test_the_footer_leads_to_the_register_with_every_algorithm(page, frontend_server, axe):
    page.goto(frontend_server + "/nl")
    page.locator("footer").get_by_role("link", name="Algoritmes die de stad gebruikt").click()
    expect(page).to_have_url(frontend_server + "/nl/algoritmes")
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Algoritmes die de stad gebruikt")
    expect(main.locator("section.algorithm")).to_have_count(8)
    quiet = main.locator("#quiet-hours")
    expect(quiet).to_contain_text("Tussen 21:00 en 08:00")
    expect(quiet.get_by_role("table")).to_contain_text("AUTOMATION_SMS_QUIET_HOURS")
    expect(main.locator("#newsletter-frequency-cap")).to_contain_text("hoogstens 3 nieuwsbrieven per 7 dagen")
    expect(main.locator("#search-ranking")).to_contain_text("SEARCH_EMBEDDER")
    main.get_by_role("link", name="Experimenten: wanneer een versie beter is").click()
    expect(page).to_have_url(frontend_server + "/nl/algoritmes#experiment-statistics")
    assert axe(page) == []


def test_the_register_in_french_fits_a_phone(page, frontend_server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(frontend_server + "/fr/algoritmes")
    expect(page.locator("main h1")).to_have_text("Algorithmes utilisés par la ville")
    expect(page.locator("#quiet-hours")).to_contain_text("Entre 21:00 et 08:00")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
