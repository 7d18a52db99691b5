"""GET .../@translations: the page in the other languages, published ones only."""


def test_lists_published_translations_only(client, tree, locales):
    english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    english.save_revision().publish()
    for page in english.get_ancestors().filter(depth__gte=2).specific():
        if not page.live:
            page.save_revision().publish()
    tree.theme_page.copy_for_translation(locales.fr, copy_parents=True)  # a draft: not announced
    data = client.get("/api/content/nl/themas/grofvuil/@translations").json()
    assert data["items"] == [
        {"@id": "http://testserver/api/content/en/themas/grofvuil", "language": "en", "title": "Grofvuil"}
    ]
    back = client.get("/api/content/en/themas/grofvuil/@translations").json()
    assert [item["language"] for item in back["items"]] == ["nl"]


def _publish_translation(page, locale):
    """A published translation of `page`, its untranslated ancestors published too."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    for ancestor in translated.get_ancestors().filter(depth__gte=2).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    return translated


def test_a_page_without_translation_points_each_language_at_its_nearest_translated_ancestor(client, tree, locales):
    """A Dutch-only magazine article: English has the wijk index, French only its home."""
    _publish_translation(tree.wijk_index, locales.en)
    _publish_translation(tree.home, locales.fr)
    data = client.get("/api/content/nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1/nieuw-speelplein/@translations").json()
    assert data["items"] == []
    assert data["fallbacks"] == [
        {"@id": "http://testserver/api/content/en/wijken", "language": "en", "title": "Wijken", "home": False},
        {"@id": "http://testserver/api/content/fr", "language": "fr", "title": "Stad Gent", "home": True},
    ]


def test_a_draft_ancestor_translation_is_passed_over(client, tree, locales):
    _publish_translation(tree.home, locales.en)
    tree.wijk_index.copy_for_translation(locales.en)  # a draft: not a place to send readers
    data = client.get("/api/content/nl/wijken/ledeberg/@translations").json()
    assert [(item["language"], item["@id"], item["home"]) for item in data["fallbacks"]] == [
        ("en", "http://testserver/api/content/en", True)
    ]


def test_a_translated_page_has_no_fallback_for_its_languages(client, tree, locales):
    _publish_translation(tree.theme_page, locales.en)
    data = client.get("/api/content/nl/themas/grofvuil/@translations").json()
    assert [item["language"] for item in data["items"]] == ["en"]
    assert data["fallbacks"] == []  # no French home: nothing to offer in French
    back = client.get("/api/content/en/themas/grofvuil/@translations").json()
    assert back["fallbacks"] == []


def test_publishing_an_ancestor_translation_changes_the_answer(client, tree, locales):
    """The fallback is part of the answer's fingerprint: a cached answer does not keep the old one."""
    _publish_translation(tree.home, locales.en)
    url = "/api/content/nl/wijken/ledeberg/@translations"
    first = client.get(url)
    assert first.json()["fallbacks"][0]["@id"] == "http://testserver/api/content/en"
    _publish_translation(tree.wijk_index, locales.en)
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second.json()["fallbacks"][0]["@id"] == "http://testserver/api/content/en/wijken"
