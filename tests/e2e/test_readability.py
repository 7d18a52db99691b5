"""Heldere taal in a real browser against the seeded demo site: the level in the Checks panel
follows the editor's typing, and the site-wide report shows the demo pages' real figures."""

from __future__ import annotations

import re
import urllib.request

from playwright.sync_api import Page, expect

DEMO_PASSWORD = "vrijhaven-demo"
PAGE_TITLE = "Een standplaats op een markt in Gent"  # Makkelijk (A2) as seeded; no other browser test edits it
LONG_SENTENCE = (
    " Indien u wenst gebruik te maken van de standplaats, dient u teneinde de behandeling van uw aanvraag te bespoedigen"
    " de bovenvermelde documenten voorafgaandelijk over te maken aan de bevoegde dienst, die uw aanvraag in het kader"
    " van de geldende reglementering zal behandelen, waarna de uitbetaling conform de modaliteiten zal worden ingepland."
)


def _log_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _difficulty(page: Page) -> float:
    text = page.locator("[data-readability-difficulty]").inner_text()
    return float(re.search(r"moeilijkheid ([\d,.]+)", text).group(1).replace(",", "."))


def test_the_level_changes_while_the_editor_types_a_long_sentence_in_the_body(page: Page, demo_server):
    _log_in(page, demo_server)
    page.goto(f"{demo_server}/admin/pages/search/?q={urllib.request.quote(PAGE_TITLE)}")
    page.get_by_role("link", name=PAGE_TITLE, exact=True).first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    page.click("[data-side-panel-toggle='checks']")
    level = page.locator("[data-readability-level]")
    expect(level).to_have_text("Makkelijk (A2)")
    before = _difficulty(page)

    body = page.locator("[data-contentpath='body'] .public-DraftEditor-content, .public-DraftEditor-content").first
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(LONG_SENTENCE, delay=5)

    hardest = page.locator("[data-readability-sentences]")
    expect(hardest).to_contain_text("Indien u wenst gebruik te maken van de standplaats", timeout=15_000)
    expect(hardest).to_contain_text("lange zin")
    expect(hardest).to_contain_text("ambtelijk: 'Indien' → 'als'")
    expect(level).to_have_text("Helder (B1)")  # one long official sentence moves the page up a level
    assert _difficulty(page) > before
    expect(page.locator("[data-readability-words]")).to_contain_text("teneinde → om")


def test_the_report_renders_with_the_demo_data(page: Page, demo_server):
    _log_in(page, demo_server)
    page.goto(f"{demo_server}/admin/readability/report/")
    heading = page.locator("#overview-heading")
    expect(heading).to_contain_text("Alle pagina's: ")
    total = int(re.search(r"Alle pagina's: (\d+)", heading.inner_text()).group(1))
    assert total > 100  # the seeded site's pages, each scored when the seed published it
    counts = [int(cell.inner_text()) for cell in page.locator("[data-readability-totals] td").all()]
    assert sum(counts) == total
    assert page.locator("[data-readability-pages] tbody tr").count() == min(total, 50)
    expect(page.locator("svg[role=img]").first).to_be_visible()
    expect(page.locator("[data-readability-group='chart-department'] tbody tr").first).to_be_visible()
    difficulties = [float(cell.inner_text().replace(",", ".")) for cell in page.locator("[data-readability-pages] tbody tr td:nth-child(3)").all()]
    assert difficulties == sorted(difficulties, reverse=True)  # worst first
    csv = page.request.get(f"{demo_server}/admin/readability/report/?format=csv")
    assert csv.ok and csv.text().count("\n") == total + 1
