"""Every page type of the citizen site, in Chromium, against the seeded demo backend: it
answers with the right status, has one h1 and the page's language, ships no JavaScript,
shows what that type is for, and axe-core finds no WCAG 2.1 A/AA or best-practice issue.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

# (path, page type, text the page must show). Paths from cms/importers/demo_data.
PAGES = [
    ("/nl", "home", "Laatste nieuws"),
    ("/nl/themas", "theme index", "Grof huisvuil laten ophalen aan huis"),
    ("/nl/themas/grof-huisvuil-laten-ophalen", "theme page", "Zo vraagt u een ophaling aan"),
    ("/nl/wijken", "wijk index", "Brugse Poort - Rooigem"),
    ("/nl/wijken/brugse-poort-rooigem", "wijk page", "Diensten in de wijk"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws", "magazine", "Brugse Poort Nieuws oktober 2026"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41", "edition", "Nieuws uit heel Gent"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41/bp-groene-vallei-bomen", "article", "Groene Vallei"),
    ("/nl/pers", "press room", "Begroting 2027"),
    ("/nl/pers/nieuw-park-handelsdok-opent", "press release", "Perscontact"),
    ("/nl/projecten", "project index", "Beslist beleid"),
    ("/nl/projecten/oude-dokken", "project", "Nu bezig"),
    ("/nl/activiteiten", "event index", "De Centrale"),
    ("/nl/activiteiten/bewonersvergadering-dampoortknoop", "event", "Wanneer"),
    ("/fr/themas/grof-huisvuil-laten-ophalen", "translated page", "Faire enlever vos encombrants"),
]


@pytest.mark.parametrize(("path", "kind", "shows"), PAGES, ids=[kind for _, kind, _ in PAGES])
def test_page_type_renders_and_passes_axe(page, frontend_server, axe, path, kind, shows):
    response = page.goto(frontend_server + path)

    assert response.status == 200, f"{kind} {path}"
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_contain_text(shows)
    expected_lang = path.split("/")[1]
    assert page.get_attribute("html", "lang") == expected_lang
    # Reading pages work with no JavaScript at all.
    assert page.locator("script").count() == 0
    assert axe(page) == []


def test_theme_page_renders_every_block_kind(page, frontend_server):
    page.goto(frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen")
    main = page.locator("main")
    expect(main.locator("ol.steps__list > li")).to_have_count(3)
    faq = main.locator("details.faq__item").first
    expect(faq.locator(".rich-text")).to_be_hidden()
    faq.locator("summary").click()
    expect(faq.locator(".rich-text")).to_be_visible()
    expect(main.locator(".cta a.button")).to_have_attribute("href", "https://stad.gent/nl/afval/grofvuil-ophaling")
    expect(main.locator(".contact a[href^='tel:']")).to_have_count(1)


def test_images_and_documents_are_served_from_the_site(page, frontend_server, axe):
    page.goto(frontend_server + "/nl/themas/recyclagepark-ivago")
    image = page.locator("main figure img").first
    assert image.get_attribute("src").startswith("/media/")
    assert image.get_attribute("alt")
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())

    page.goto(frontend_server + "/nl/themas/thuis-composteren")
    link = page.locator("main .download a").first
    href = link.get_attribute("href")
    assert href.startswith("/documents/")
    download = page.request.get(frontend_server + href)
    assert download.status == 200
    assert download.body()[:4] == b"%PDF"


def test_press_release_shows_attachments_and_contacts(page, frontend_server):
    page.goto(frontend_server + "/nl/pers/nieuw-park-handelsdok-opent")
    attachments = page.locator("section[aria-labelledby=bijlagen]")
    expect(attachments.locator("img")).to_have_count(1)
    expect(attachments.locator(".download a")).to_have_count(1)
    contacts = page.locator("section[aria-labelledby=perscontact] .contact")
    assert contacts.count() >= 1
    expect(contacts.first.locator("a[href^='mailto:']")).to_be_visible()


def test_project_timeline_marks_the_current_phase(page, frontend_server):
    page.goto(frontend_server + "/nl/projecten/oude-dokken")
    current = page.locator("ol.timeline > li[aria-current=step]")
    expect(current).to_have_count(1)
    expect(current).to_contain_text("Woningen en basisschool aan het Houtdok")
    expect(page.locator(".status")).to_contain_text("Beslist beleid")


def test_unknown_page_is_a_plain_dutch_404(page, frontend_server, axe):
    response = page.goto(frontend_server + "/nl/deze-pagina-bestaat-niet")

    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Deze pagina bestaat niet")
    expect(page.get_by_role("link", name="Naar de startpagina")).to_have_attribute("href", "/nl")
    assert axe(page) == []


def test_root_goes_to_the_dutch_home_page(page, frontend_server):
    page.goto(frontend_server + "/")
    assert page.url == frontend_server + "/nl"


def test_press_room_and_events_offer_their_feeds_from_the_site(page, frontend_server):
    page.goto(frontend_server + "/nl/pers")
    rss = page.locator("main .feeds a[type='application/rss+xml']")
    href = rss.get_attribute("href")
    assert href.startswith("/feeds/press/rss/")
    assert page.locator("head link[rel=alternate][type='application/rss+xml']").count() == 1
    feed = page.request.get(frontend_server + href)
    assert feed.status == 200
    assert "<rss" in feed.text() and "Persberichten" in feed.text()

    page.goto(frontend_server + "/nl/activiteiten")
    calendar = page.request.get(frontend_server + page.locator("main .feeds a").first.get_attribute("href"))
    assert calendar.status == 200
    assert calendar.text().startswith("BEGIN:VCALENDAR")
