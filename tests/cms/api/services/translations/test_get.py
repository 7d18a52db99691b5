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
