"""The public search feeds the anonymous search log: what counts as a search, and the click links it hands out."""

from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page

from search.querylog.click_tokens import click_from_token
from search.querylog.models import SearchClick, SearchEvent, WithheldDay

from .test_running import DOWN


def search(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def logged():
    return list(SearchEvent.objects.order_by("pk").values_list("query", "language", "results"))


def test_a_search_is_logged_with_its_normalised_query_language_and_results(client, indexed):
    answer = search(client, q="  GROFVUIL  ", lang="nl", mode="keyword")
    assert logged() == [("grofvuil", "nl", answer["items_total"])]
    assert answer["items_total"] >= 1
    search(client, q="xqzvwj plofkraak", mode="keyword")
    assert logged()[-1] == ("xqzvwj plofkraak", "", 0)


def test_each_result_carries_a_signed_click_link_with_its_position(client, indexed):
    first_page = search(client, q="Ledeberg", mode="keyword", page_size=2)
    second_page = search(client, q="Ledeberg", mode="keyword", page_size=2, page=2)
    items = first_page["items"] + second_page["items"]
    assert len(items) == 3
    for position, item in enumerate(items, start=1):
        parts = urlsplit(item["click"])
        assert parts.scheme == "http" and parts.netloc == "testserver" and parts.path == "/api/search/click/"
        click = click_from_token(parse_qs(parts.query)["t"][0])
        assert (click.query, click.language, click.position) == ("ledeberg", "", position)
        assert Page.objects.get(pk=click.page_id).title == item["title"]


def test_the_same_search_keeps_its_etag(client, indexed):
    first = client.get("/api/search/", {"q": "grofvuil"})
    again = client.get("/api/search/", {"q": "grofvuil"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert len(logged()) == 2  # a revalidated search was still asked by someone


@pytest.mark.parametrize("params", [
    {"page": "2", "page_size": "1"},
    {"theme": "afval"},
    {"type": "themes.ThemePage"},
    {"wijk": "ledeberg"},
    {"date_from": "2026-01-01"},
    {"lang": "xx"},
])
def test_paging_filters_and_unknown_languages_are_not_counted_as_searches(client, indexed, params):
    search(client, q="ledeberg", **params)
    assert logged() == []


def test_head_and_scoped_searches_are_not_counted(client, indexed):
    assert client.head("/api/search/", {"q": "ledeberg"}).status_code == 200
    scoped = client.get("/api/content/nl/wijken/@search", {"q": "ledeberg", "mode": "keyword"}).json()
    assert scoped["items"] and all(item["click"] is None for item in scoped["items"])
    assert logged() == []


def test_a_fallback_answer_is_not_counted(client, db, settings):
    settings.SEARCH_BACKENDS = DOWN
    assert search(client, q="grofvuil")["metadata"]["fallback"] is True
    assert logged() == []


def test_a_personal_query_is_answered_but_neither_stored_nor_linked(client, indexed):
    answer = search(client, q="grofvuil 0470 12 34 56", mode="keyword")
    assert answer["items"] and all(item["click"] is None for item in answer["items"])
    assert logged() == [] and WithheldDay.objects.get().kind == "phone"


def test_a_broken_log_does_not_break_the_search(client, indexed, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("log table gone")

    monkeypatch.setattr(SearchEvent.objects, "create", broken)
    answer = search(client, q="grofvuil", mode="keyword")
    assert answer["items"][0]["title"] == "Grofvuil" and answer["items"][0]["click"]
    assert not SearchClick.objects.exists()
