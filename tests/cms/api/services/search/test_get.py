"""`/api/search/` and `/api/content/<path>/@search`: results, facets, filters, highlights, scope."""

import pytest


def search(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_finds_a_published_page_with_highlight_and_links(client, indexed):
    answer = search(client, q="grofvuil", mode="keyword")
    first = answer["items"][0]
    assert first["title"] == "Grofvuil"
    assert first["url"] == "/nl/themas/grofvuil/"
    assert first["@id"] == "http://testserver/api/content/nl/themas/grofvuil"
    assert first["type"] == "themes.ThemePage" and first["language"] == "nl"
    assert "<mark>" in first["highlight"]
    assert answer["query"] == "grofvuil" and answer["mode"] == "keyword"
    assert answer["page"] == 1 and answer["page_size"] == 10
    assert answer["metadata"]["backend"] == "local" and answer["metadata"]["fallback"] is False
    assert response_etag(client)


def response_etag(client):
    response = client.get("/api/search/", {"q": "grofvuil"})
    again = client.get("/api/search/", {"q": "grofvuil"}, HTTP_IF_NONE_MATCH=response["ETag"])
    return again.status_code == 304


def test_the_content_api_link_resolves(client, indexed):
    first = search(client, q="grofvuil", mode="keyword")["items"][0]
    assert client.get(first["@id"]).status_code == 200


def test_facets_are_counted(client, indexed):
    answer = search(client, q="ledeberg", mode="keyword", page_size=50)
    types = {f["value"]: f["count"] for f in answer["facets"]["type"]}
    assert sum(types.values()) == answer["items_total"] >= 2
    assert {f["value"]: f["count"] for f in answer["facets"]["language"]} == {"nl": answer["items_total"]}
    assert set(answer["facets"]) == {"theme", "wijk", "type", "language"}
    assert {f["value"] for f in answer["facets"]["wijk"]} == {"ledeberg"}


def test_a_filter_narrows(client, indexed):
    everything = search(client, q="ledeberg", mode="keyword", page_size=50)
    events = search(client, q="ledeberg", mode="keyword", type="events.EventPage")
    assert 0 < events["items_total"] < everything["items_total"]
    assert {item["type"] for item in events["items"]} == {"events.EventPage"}
    either = search(client, q="ledeberg", mode="keyword", type="events.EventPage,neighbourhoods.WijkPage")
    assert events["items_total"] < either["items_total"]
    themed = search(client, q="grofvuil", theme="afval")
    assert [item["title"] for item in themed["items"]] == ["Grofvuil"]


@pytest.mark.parametrize("params", [{"theme": "bestaat-niet"}, {"wijk": "atlantis"}, {"type": "x.Y"}, {"lang": "xx"}])
def test_an_unknown_facet_value_gives_an_empty_answer(client, indexed, params):
    answer = search(client, q="grofvuil", **params)
    assert answer["items"] == [] and answer["items_total"] == 0


def test_search_in_a_subtree(client, indexed):
    everywhere = search(client, q="ledeberg", mode="keyword", page_size=50)
    assert any(not item["url"].startswith("/nl/wijken/") for item in everywhere["items"])
    response = client.get("/api/content/nl/wijken/@search", {"q": "ledeberg", "mode": "keyword"})
    assert response.status_code == 200
    scoped = response.json()
    assert scoped["items"] and all(item["url"].startswith("/nl/wijken/") for item in scoped["items"])
    assert scoped["items_total"] == len([i for i in everywhere["items"] if i["url"].startswith("/nl/wijken/")])
    assert scoped["metadata"]["scope"] == "/nl/wijken/"
    assert sum(f["count"] for f in scoped["facets"]["language"]) == scoped["items_total"]


def test_search_below_a_missing_page_is_404(client, indexed):
    response = client.get("/api/content/nl/niets/@search", {"q": "ledeberg"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_subtree_search_checks_its_parameters(client, indexed):
    response = client.get("/api/content/nl/wijken/@search", {"q": "x", "mode": "fuzzy"})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["mode"]


def test_paging(client, indexed):
    first = search(client, q="ledeberg", mode="keyword", page_size=1)
    second = search(client, q="ledeberg", mode="keyword", page_size=1, page=2)
    assert first["items"][0]["url"] != second["items"][0]["url"]
    assert first["metadata"]["pages"] == first["items_total"]


def test_a_page_with_a_non_ascii_slug_links_to_its_content_answer_and_is_in_its_scope(client, indexed, index):
    """The index keeps site paths (percent-encoded, as Wagtail routes them); links and scopes
    are made from the public path they stand for, not from the encoded form."""
    from cms.themes.models import ThemePage
    from search.extraction import documents_for_pages
    from tests.cms.conftest import add_page

    cafe = add_page(indexed.theme_index, ThemePage, title="Cafébezoek", slug="café-bezoek")
    index.index_documents(documents_for_pages([cafe.pk]).values())
    [hit] = search(client, q="cafébezoek", mode="keyword")["items"]
    assert hit["url"] == "/nl/themas/caf%C3%A9-bezoek/"
    assert client.get(hit["@id"]).json()["@id"] == hit["@id"]
    scoped_answer = client.get("/api/content/nl/themas/café-bezoek/@search", {"q": "cafébezoek", "mode": "keyword"})
    [scoped] = scoped_answer.json()["items"]
    assert scoped["@id"] == hit["@id"]


def test_nonsense_finds_nothing_and_the_metadata_says_why(client, indexed, settings):
    # The page tree is a dozen pages: the hashing embedder's nearest pages to anything are
    # far apart there, so this test holds meaning to a margin it cannot reach; what it checks
    # is that the decision (search.answerability, tested on its own) reaches the answer.
    config = dict(settings.SEARCH_BACKENDS["default"])
    settings.SEARCH_BACKENDS = {**settings.SEARCH_BACKENDS, "default": {**config, "ANSWER_MARGINS": [1, 1]}}
    answer = search(client, q="xqzvwkj")
    assert answer["items"] == [] and answer["items_total"] == 0
    no_answer = answer["metadata"]["no_answer"]
    assert no_answer["reason"] == "no_words_no_meaning"
    assert no_answer["explanation"] == "No word of the question occurs on the site and nothing comes close in meaning."
    assert (no_answer["words"], no_answer["words_found"]) == (1, 0)
    assert search(client, q="grofvuil")["metadata"]["no_answer"] is None
