"""GET .../@navigation: the main sections of the page's language, the current one marked."""


def test_sections_in_editor_order_with_current_marked(client, tree):
    data = client.get("/api/content/nl/wijken/ledeberg/@navigation").json()
    assert [item["title"] for item in data["items"]] == ["Thema's", "Wijken", "Persruimte", "Projecten", "Activiteiten"]
    assert [item["title"] for item in data["items"] if item["is_current"]] == ["Wijken"]
