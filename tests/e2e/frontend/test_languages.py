"""Changing language keeps the reader's place, from every page type.

The switcher is always there: to the translation when it exists, otherwise to the nearest
translated page (the API's `fallbacks`) or the language's home, which then says, in its own
language, that the page does not exist in it. The site's own pages keep their query string:
a search keeps its words and filters, the preference centre its token. And the smaller
things of the same pages: absolute hreflang links with the page itself and x-default, the
home page's title, the search page's description, quotation marks and alt text in the
right language.
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.frontend.test_subscriptions import _confirmation_link

# Dutch-only pages of every type (the demo translates the home, the sections, themes and
# a few press releases), and where their English reader is sent.
UNTRANSLATED = [
    ("/nl/wijken/brugse-poort-rooigem", "wijk page", "/en/wijken"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws", "magazine", "/en/wijken"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41", "edition", "/en/wijken"),
    ("/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41/bp-groene-vallei-bomen", "article", "/en/wijken"),
    ("/nl/projecten/tondelier", "project", "/en/projecten"),
    ("/nl/activiteiten/bewonersvergadering-dampoortknoop", "event", "/en/activiteiten"),
    ("/nl/pers/nieuw-park-handelsdok-opent", "press release without translation", "/en/pers"),
]
TRANSLATED = [
    ("/nl", "home", "/en"),
    ("/nl/themas", "theme index", "/en/themas"),
    ("/nl/themas/grof-huisvuil-laten-ophalen", "theme page", "/en/themas/grof-huisvuil-laten-ophalen"),
    ("/nl/wijken", "wijk index", "/en/wijken"),
    ("/nl/pers", "press room", "/en/pers"),
    ("/nl/pers/hitteplan-2026", "press release", "/en/pers/hitteplan-2026"),
    ("/nl/projecten", "project index", "/en/projecten"),
    ("/nl/projecten/oude-dokken", "project", "/en/projecten/oude-dokken"),
    ("/nl/activiteiten", "event index", "/en/activiteiten"),
]


def _switch(page, language_name: str) -> None:
    page.get_by_role("navigation", name=re.compile("in een andere taal|in another language|dans une autre langue")).get_by_role(
        "link", name=language_name
    ).click()


@pytest.mark.parametrize(("path", "kind", "target"), TRANSLATED, ids=[kind for _, kind, _ in TRANSLATED])
def test_a_translated_page_switches_to_its_translation(page, frontend_server, path, kind, target):
    page.goto(frontend_server + path)
    _switch(page, "English")
    assert page.url == frontend_server + target
    assert page.get_attribute("html", "lang") == "en"
    expect(page.locator(".notice--language")).to_have_count(0)


@pytest.mark.parametrize(("path", "kind", "target"), UNTRANSLATED, ids=[kind for _, kind, _ in UNTRANSLATED])
def test_a_page_without_translation_leads_to_the_nearest_translated_page_and_says_so(page, frontend_server, axe, path, kind, target):
    page.goto(frontend_server + path)
    french = page.get_by_role("link", name="Français")
    expect(french).to_have_attribute("lang", "fr")
    _switch(page, "English")
    assert page.url == f"{frontend_server}{target}?onvertaald=1"
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("status")).to_contain_text("The page you chose does not exist in English")
    assert axe(page) == []
    # ... and the way back is there too, without the marker.
    _switch(page, "Nederlands")
    assert page.url == frontend_server + target.replace("/en", "/nl", 1)
    expect(page.locator(".notice--language")).to_have_count(0)


def test_the_404_page_has_the_switcher_to_each_home(page, frontend_server, axe):
    response = page.goto(frontend_server + "/fr/cette-page-n-existe-pas")
    assert response.status == 404
    _switch(page, "Nederlands")
    assert page.url == f"{frontend_server}/nl?onvertaald=1"
    expect(page.get_by_role("status")).to_contain_text("De pagina die u koos, bestaat niet in het Nederlands")
    assert axe(page) == []


def test_search_keeps_its_words_and_filters_in_the_other_language(page, frontend_server):
    page.goto(frontend_server + "/nl/zoeken?q=grofvuil&type=themes.ThemePage")
    _switch(page, "Français")
    assert page.url.startswith(frontend_server + "/fr/zoeken?")
    assert "q=grofvuil" in page.url and "type=themes.ThemePage" in page.url
    expect(page.get_by_label("Rechercher sur le site")).to_have_value("grofvuil")


def test_the_preference_centre_keeps_its_token_in_the_other_language(page, frontend_server, outbox):
    address = f"taal-{uuid.uuid4().hex[:10]}@example.org"
    page.goto(frontend_server + "/nl/inschrijven")
    page.get_by_label("Uw e-mailadres").fill(address)
    page.get_by_label("Ledeberg").check()
    page.get_by_role("button", name="Abonneren").click()
    page.goto(_confirmation_link(outbox, address, frontend_server))
    page.get_by_role("link", name="Naar uw voorkeuren").click()
    expect(page.locator("h1")).to_have_text("Uw voorkeuren")
    token = re.search(r"token=([^&]+)", page.url).group(1)

    _switch(page, "English")
    assert page.url == f"{frontend_server}/en/voorkeuren?token={token}"
    expect(page.locator("h1")).to_have_text("Your preferences")
    expect(page.get_by_role("checkbox", name="Ledeberg")).to_be_checked()


def test_hreflang_links_are_absolute_and_include_the_page_itself(page, frontend_server):
    page.goto(frontend_server + "/nl/pers/hitteplan-2026")
    alternates = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator("link[rel=alternate][hreflang]").all()
    }
    assert alternates == {
        "nl": f"{frontend_server}/nl/pers/hitteplan-2026",
        "en": f"{frontend_server}/en/pers/hitteplan-2026",
        "fr": f"{frontend_server}/fr/pers/hitteplan-2026",
        "x-default": f"{frontend_server}/nl/pers/hitteplan-2026",
    }
    page.goto(frontend_server + "/nl/wijken/brugse-poort-rooigem")  # no translation: only itself
    hreflangs = page.locator("link[rel=alternate][hreflang]")
    assert sorted(link.get_attribute("hreflang") for link in hreflangs.all()) == ["nl", "x-default"]


def test_titles_descriptions_quotes_and_alt_text_speak_the_pages_language(page, frontend_server):
    page.goto(frontend_server + "/nl")
    assert page.title() == "Stad Gent"
    page.goto(frontend_server + "/nl/themas")
    assert page.title() == "Thema's | Stad Gent"

    page.goto(frontend_server + "/en/zoeken?q=waste")
    assert page.locator("meta[name=description]").get_attribute("content")
    expect(page.locator("main")).to_contain_text("\u201cwaste\u201d")
    expect(page.locator("main")).not_to_contain_text("\u201ewaste")
    page.goto(frontend_server + "/fr/zoeken?q=d%C3%A9chets")
    expect(page.locator("main")).to_contain_text("«\u00a0déchets\u00a0»")

    # The image library describes images in Dutch: on the English page its text says so.
    page.goto(frontend_server + "/en/pers/hitteplan-2026")
    image = page.locator("main figure img").first
    assert image.get_attribute("lang") == "nl"
    assert image.get_attribute("alt").startswith("Een kind")
    page.goto(frontend_server + "/nl/pers/hitteplan-2026")
    assert page.locator("main figure img").first.get_attribute("lang") is None
