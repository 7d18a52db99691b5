"""/sitemap.xml as a search engine reads it: every public page, translations as hreflang alternates."""

import xml.etree.ElementTree as ET

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def entries(response):
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)
    found = {}
    for url in root.findall("sm:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        found[url.find("sm:loc", NS).text] = alternates
    return found


def test_sitemap_lists_every_public_page(client, tree):
    found = entries(client.get("/sitemap.xml"))
    for page in (tree.home, tree.theme_page, tree.article, tree.release, tree.project, tree.event, tree.wijk_page):
        assert page.get_full_url() in found
    assert "http://localhost/nl/pers/nieuwe-fietsstraten/" in found


def test_translations_are_listed_with_hreflang_alternates_and_x_default(client, tree, locales):
    english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    english.title = "Bulky waste"
    english.save_revision().publish()  # its parents were copied as (live) aliases
    found = entries(client.get("/sitemap.xml"))
    dutch_url, english_url = tree.theme_page.get_full_url(), english.get_full_url()
    assert english_url.startswith("http://localhost/en/")
    expected = {"nl": dutch_url, "en": english_url, "x-default": dutch_url}
    assert found[dutch_url] == expected
    assert found[english_url] == expected
    assert found[tree.release.get_full_url()] == {}  # untranslated: no alternates


def test_no_unpublished_page_in_the_sitemap(client, tree, hidden_pages):
    found = entries(client.get("/sitemap.xml"))
    for page in hidden_pages:
        assert not [url for url in found if page.slug in url], page.slug


def test_an_unpublished_translation_is_no_alternate(client, tree, locales):
    english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)  # a draft
    found = entries(client.get("/sitemap.xml"))
    assert english.live is False
    assert found[tree.theme_page.get_full_url()] == {}
    assert not [url for url in found if "/en/themas/grofvuil" in url]


def test_sitemap_answers_304_when_unchanged(client, tree):
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    tree.theme_page.unpublish()
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_live_page_below_a_restricted_one_is_not_in_the_sitemap(client, tree, hidden):
    found = entries(client.get("/sitemap.xml"))
    for name, page in hidden.items():
        assert page.get_full_url() not in found, name
    assert tree.theme_page.get_full_url() in found
