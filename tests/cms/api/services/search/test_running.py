"""The local fallback when the configured backend (Elasticsearch) is unreachable."""

import pytest

from search.backends.local import LocalBackend


class UnreachableBackend(LocalBackend):
    """Stands in for Elasticsearch with its cluster down."""

    kind = "elasticsearch"

    def retrieve(self, plan):
        raise ConnectionError("connection refused")

    def _suggest(self, complete, partial, language, limit):
        raise ConnectionError("connection refused")


class BrokenBackend(UnreachableBackend):
    def retrieve(self, plan):
        raise RuntimeError("a bug, not an outage")


DOWN = {"default": {"BACKEND": f"{__name__}.UnreachableBackend", "INDEX": "elsewhere"}}


def test_search_falls_back_to_the_local_index_and_says_so(client, indexed, settings):
    settings.SEARCH_BACKENDS = {**DOWN, "local": {"BACKEND": "search.backends.local.LocalBackend", "INDEX": "pages"}}
    answer = client.get("/api/search/", {"q": "grofvuil", "mode": "keyword"}).json()
    assert answer["metadata"]["backend"] == "local"
    assert answer["metadata"]["fallback"] is True
    assert "elasticsearch" in answer["metadata"]["reason"]
    assert [item["title"] for item in answer["items"]][:1] == ["Grofvuil"]


def test_empty_local_index_still_answers(client, db, settings):
    settings.SEARCH_BACKENDS = DOWN
    response = client.get("/api/search/", {"q": "grofvuil", "theme": "afval"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["items"] == [] and answer["items_total"] == 0
    assert answer["metadata"]["fallback"] is True and answer["metadata"]["backend"] == "local"


def test_suggest_falls_back_too(client, indexed, settings):
    settings.SEARCH_BACKENDS = DOWN
    answer = client.get("/api/search/suggest/", {"q": "grofv"}).json()
    assert answer["metadata"]["fallback"] is True
    assert [item["title"] for item in answer["items"]] == ["Grofvuil"]


def test_a_bug_is_not_hidden_by_the_fallback(client, db, settings):
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": f"{__name__}.BrokenBackend"}}
    with pytest.raises(RuntimeError):
        client.get("/api/search/", {"q": "grofvuil"})
