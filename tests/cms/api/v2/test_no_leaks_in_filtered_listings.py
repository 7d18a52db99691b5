"""Hidden pages tagged with a theme and a wijk, of every type the filters reach, stay out of
every filtered v2 listing and its count, and of the content API's listings (the states:
draft, scheduled, expired, restricted; see tests/cms/api/feeds/conftest.py)."""

from tests.cms.api.feeds.conftest import hidden_pages, hidden_state  # noqa: F401 (fixtures)

FILTERED = [
    "theme=afval", "wijk=ledeberg", "theme=afval&wijk=ledeberg", "theme=afval,wonen&locale=nl",
    "wijk=ledeberg,dampoort&type=events.EventPage", "type=pressroom.PressReleasePage&theme=afval",
    "type=neighbourhoods.MagazineArticle", "search=Geheim", "limit=20&offset=0&fields=*&type=themes.ThemePage",
]
LISTINGS = ["/api/content/nl/pers", "/api/content/nl/activiteiten/@children", "/api/content/nl/themas?expand=children",
            "/api/content/nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1/@children"]


def test_hidden_pages_are_in_no_filtered_listing_or_count(client, hidden_pages):
    for query in FILTERED:
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, (query, response.content)
        data = response.json()
        titles = [item["title"] for item in data["items"]]
        assert not [title for title in titles if title.startswith("Geheim")], query
        assert data["meta"]["total_count"] == len(titles), query
    for url in LISTINGS:
        answer = client.get(url).json()
        titles = [item["title"] for item in answer["items"]]
        assert not [title for title in titles if title.startswith("Geheim")], url
        assert answer["items_total"] == len(titles), url
    for page in hidden_pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
