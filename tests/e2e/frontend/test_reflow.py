"""Reflow (WCAG 1.4.10): no page of the citizen site scrolls sideways on a 320 px phone, a
390 px phone or a 1280 px screen, and contact cards never overlap or spill.

The demo data carries the long real values that broke the layout: Ghent's longest wijk name
("Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels", in the wijk filters and on its
wijk page with a wijkregie address as long as the name), a press contact with a long role
address, and an event heading with a long Dutch compound ("energierenovatiebegeleiding").
"""

from __future__ import annotations

import pytest

from tests.e2e.frontend.site_pages import LONG_WIJK, SITE_PAGES

LONG_WIJK_NAME = "Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels"
LONG_EMAIL = "wijkregie.elisabethbegijnhof-prinsenhof-papegaai-sint-michiels@stad.gent"
LONG_PRESS_EMAIL = "projectcommunicatie.stedelijke-vernieuwing@stad.gent"

WIDTHS = [320, 390, 1280]

# Boxes that stick out of the page, for a readable failure (the assertion is scrollWidth).
OVERFLOWING = """() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5 && element.getClientRects().length > 0
            && !element.closest(".visually-hidden"))
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className} right=${Math.round(element.getBoundingClientRect().right)}`);
}"""

# Contact cards: siblings in a grid must not overlap, and nothing inside a card may leave it.
CONTACT_PROBLEMS = """() => {
    const problems = [];
    const box = (element) => element.getBoundingClientRect();
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const grid of document.querySelectorAll(".grid")) {
        const cards = [...grid.children];
        cards.forEach((a, i) => cards.slice(i + 1).forEach((b) => {
            if (overlap(box(a), box(b))) problems.push(`overlap: ${a.textContent.trim().slice(0, 30)} / ${b.textContent.trim().slice(0, 30)}`);
        }));
    }
    for (const card of document.querySelectorAll(".contact")) {
        const outer = box(card);
        for (const inner of card.querySelectorAll("h2, h3, p, dt, dd, a")) {
            for (const rect of inner.getClientRects()) {
                if (rect.right > outer.right + 0.5 || rect.left < outer.left - 0.5) {
                    problems.push(`spills: ${inner.textContent.trim().slice(0, 40)} (${Math.round(rect.right)} > ${Math.round(outer.right)})`);
                }
            }
        }
    }
    return problems;
}"""


@pytest.fixture
def sized_page(browser, frontend_server):
    contexts = []

    def make(width: int):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-BE")
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_contact_cards_stay_apart(sized_page, frontend_server, width):
    page = sized_page(width)
    failures = []
    for path in SITE_PAGES:
        page.goto(frontend_server + path)
        scroll_width, client_width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll_width > client_width:
            failures.append(f"{path}: {scroll_width} > {client_width} px: {page.evaluate(OVERFLOWING)}")
        failures.extend(f"{path}: {problem}" for problem in page.evaluate(CONTACT_PROBLEMS))
    assert failures == [], f"at {width} px:\n" + "\n".join(failures)


def test_the_long_values_are_really_on_the_pages(page, frontend_server):
    """The fixtures carry what broke the layout, so the reflow test above proves something."""
    page.goto(f"{frontend_server}/nl/wijken/{LONG_WIJK}")
    assert page.locator(f".contact a[href='mailto:{LONG_EMAIL}']").count() == 1
    page.goto(f"{frontend_server}/nl/pers/nieuw-park-handelsdok-opent")
    assert page.locator(f".contact a[href='mailto:{LONG_PRESS_EMAIL}']").count() == 1
    page.goto(f"{frontend_server}/nl/pers")
    assert page.locator("#filter-wijk option", has_text=LONG_WIJK_NAME).count() == 1
    page.goto(f"{frontend_server}/nl/activiteiten/infoavond-renovatiepremie")
    assert "energierenovatiebegeleiding" in page.locator("h1").inner_text().replace("\u00ad", "").replace("\n", "")


@pytest.mark.parametrize("path", ["/nl/pers", "/nl/projecten"])
def test_the_wijk_filter_fits_a_320_px_phone_with_the_longest_wijk_chosen(sized_page, frontend_server, path):
    page = sized_page(320)
    page.goto(frontend_server + path)
    page.select_option("#filter-wijk", label=LONG_WIJK_NAME)
    form = page.locator("form.filters").bounding_box()
    select = page.locator("#filter-wijk").bounding_box()
    button = page.locator("form.filters button").bounding_box()
    assert select["x"] + select["width"] <= form["x"] + form["width"]
    assert button["x"] + button["width"] <= form["x"] + form["width"]
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [320, 1280])
def test_the_header_search_has_a_visible_label_and_its_button_stays_inside(sized_page, frontend_server, width):
    page = sized_page(width)
    page.goto(frontend_server + "/nl/wijken")
    label = page.locator("label[for=kop-zoekterm]")
    assert label.is_visible() and label.inner_text() == "Zoek op de site"
    box = label.bounding_box()
    assert box["width"] > 20 and box["height"] > 10  # really shown, not the 1 px of .visually-hidden
    button = page.locator(".header-search__button").bounding_box()
    assert button["x"] >= 0 and button["x"] + button["width"] <= width


def test_the_gentinfo_number_is_a_phone_link_on_one_line(sized_page, frontend_server):
    page = sized_page(320)
    page.goto(frontend_server + f"/nl/wijken/{LONG_WIJK}")
    links = page.locator("a[href^='tel:']", has_text="09 210 10 10")
    assert links.count() >= 2  # the footer and the wijk page's text
    for index in range(links.count()):
        assert len(links.nth(index).evaluate("(a) => [...a.getClientRects()]")) == 1, "the number breaks across lines"
