"""GET .../@breadcrumbs: the trail from the first section to the page, root apart."""


def test_trail_from_section_to_page(client, tree):
    data = client.get("/api/content/nl/wijken/ledeberg/wijkkrant-ledeberg/@breadcrumbs").json()
    base = "http://testserver/api/content/"
    assert data["@id"] == base + "nl/wijken/ledeberg/wijkkrant-ledeberg/@breadcrumbs"
    assert data["root"] == base + "nl"
    assert [(item["@id"], item["title"]) for item in data["items"]] == [
        (base + "nl/wijken", "Wijken"),
        (base + "nl/wijken/ledeberg", "Ledeberg"),
        (base + "nl/wijken/ledeberg/wijkkrant-ledeberg", "Wijkkrant Ledeberg"),
    ]


def test_home_has_an_empty_trail(client, tree):
    assert client.get("/api/content/nl/@breadcrumbs").json()["items"] == []
