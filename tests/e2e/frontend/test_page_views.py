"""Figures in a real browser: a citizen opens a page and the editor sees the visit counted; a journey's diagram.

The citizen site's Node server counts the view (no cookie, nothing in the page) and flushes
it, signed, to the demo backend within a second; the admin shows it beside the page. The
journey edit screen draws the demo's reminder journey with its counts (a screenshot at
1280 px is kept in the test's tmp folder).
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, expect

from tests.e2e.automation.test_journey_builder import _log_in

HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"


def _theme_page(demo_shell) -> tuple[int, str]:
    out = demo_shell(
        "from cms.themes.models import ThemePage; from cms.core.publishing import site_path; "
        "p = ThemePage.objects.live().filter(locale__language_code='nl').order_by('path').first(); "
        "print(p.pk, site_path(p.url_path))"
    )
    pk, path = out.strip().splitlines()[-1].split()
    return int(pk), path


def _views(page: Page, url: str) -> int:
    page.goto(url)
    return int(page.locator("[data-page-views]").get_attribute("data-page-views"))


def test_a_visit_to_a_citizen_page_is_counted_and_shown_beside_the_page(browser, page, demo_server, frontend_server, demo_shell):
    pk, path = _theme_page(demo_shell)
    _log_in(page, demo_server)
    detail = f"{demo_server}/admin/bezoeken/pagina/{pk}/?days=7"
    before = _views(page, detail)

    citizen = browser.new_context(user_agent=HUMAN, extra_http_headers={"Referer": "https://www.example-news.be/artikel?id=7"})
    visit = citizen.new_page()
    for _ in range(2):
        assert visit.goto(f"{frontend_server}{path}").status == 200
    assert citizen.cookies() == []  # nothing stored on the citizen's device
    citizen.close()

    deadline = time.monotonic() + 20
    while (now := _views(page, detail)) < before + 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert now == before + 2

    page.goto(f"{demo_server}/admin/pages/{pk}/edit/")
    panel = page.locator("[data-page-views-panel]")
    assert int(panel.locator("[data-page-views-total]").get_attribute("data-page-views-total")) >= before + 2
    page.goto(f"{demo_server}/admin/bezoeken/?days=7")
    expect(page.locator("[data-views-section=views-referrer] table")).to_contain_text("example-news.be")
    expect(page.locator("body")).not_to_contain_text("artikel?id=7")


def test_a_bot_is_not_counted(browser, page, demo_server, frontend_server, demo_shell):
    pk, path = _theme_page(demo_shell)
    _log_in(page, demo_server)
    detail = f"{demo_server}/admin/bezoeken/pagina/{pk}/?days=7"
    before = _views(page, detail)
    bot = browser.new_context()  # headless Chromium says "HeadlessChrome": counted as a bot
    assert bot.new_page().goto(f"{frontend_server}{path}").status == 200
    bot.close()
    time.sleep(3)  # three flushes
    assert _views(page, detail) == before


def test_the_journey_edit_screen_shows_the_diagram_with_counts(page, demo_server, demo_shell, tmp_path):
    pk = int(demo_shell(
        "from automation.journeys.models import Journey; print(Journey.objects.get(slug='omgevingsvergunning-herinnering').pk)"
    ).strip().splitlines()[-1])  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, demo_server)
    page.goto(f"{demo_server}/admin/automation_journeys/edit/{pk}/")
    diagram = page.locator("svg[data-journey-diagram]")
    expect(diagram).to_be_visible()
    expect(diagram.locator("g.step")).to_have_count(6)
    expect(diagram.locator("g[data-step=herinnering]")).to_contain_text("binnengekomen 30")
    table = page.locator("table[data-journey-step-counts]")
    expect(table.get_by_role("row", name=re.compile("Wachten: drie-dagen"))).to_contain_text("30")
    diagram.scroll_into_view_if_needed()
    page.locator("[data-journey-diagram-panel]").screenshot(path=str(tmp_path / "journey-diagram.png"))
    page.click("[data-journey-figures]")
    expect(page.get_by_role("heading", name="Journey: Omgevingsvergunning: herinnering ontbrekende documenten")).to_be_visible()
    expect(page.locator("[data-opened-note]")).to_contain_text("onbetrouwbaar")
