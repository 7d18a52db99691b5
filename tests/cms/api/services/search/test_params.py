"""Every bad search parameter is a 400 problem naming it."""

import pytest


@pytest.mark.parametrize(
    "params, name",
    [
        ({"q": "x" * 501}, "q"),
        ({}, "q"),
        ({"q": "  "}, "q"),
        ({"q": "afval", "mode": "magic"}, "mode"),
        ({"q": "afval", "page": "0"}, "page"),
        ({"q": "afval", "page": "twee"}, "page"),
        ({"q": "afval", "page_size": "51"}, "page_size"),
        ({"q": "afval", "page_size": "0"}, "page_size"),
        ({"q": "afval", "date_from": "gisteren"}, "date_from"),
        ({"q": "afval", "date_to": "2026-13-01"}, "date_to"),
        ({"q": "afval", "sort": "date"}, "sort"),
    ],
)
def test_bad_parameter_is_named(client, db, params, name):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalid_params"]] == [name]


def test_a_query_of_500_characters_is_fine(client, index):
    assert client.get("/api/search/", {"q": "a" * 500}).status_code == 200


def test_every_bad_parameter_at_once(client, db):
    response = client.get("/api/search/", {"q": "afval", "mode": "x", "page": "-1"})
    assert {p["name"] for p in response.json()["invalid_params"]} == {"mode", "page"}


def test_a_page_past_the_reachable_results_is_empty_not_refused(client, indexed):
    """Issue 12 (fuzzer): `page` is valid on its own; past the first 1000 results the page is empty."""
    first = client.get("/api/search/", {"q": "grofvuil"}).json()
    far = client.get("/api/search/", {"q": "grofvuil", "page": "1000"})
    assert far.status_code == 200
    body = far.json()
    assert body["items"] == [] and body["page"] == 1000
    assert body["items_total"] == first["items_total"] > 0


def test_a_date_range_ending_before_it_starts_finds_nothing(client, indexed):
    """Issue 12 (fuzzer): each date is valid on its own; together they match no page (200, empty)."""
    response = client.get("/api/search/", {"q": "afval", "date_from": "2026-03-02", "date_to": "2026-03-01"})
    assert response.status_code == 200
    assert response.json()["items"] == [] and response.json()["items_total"] == 0


def test_read_only(client, db):
    assert client.post("/api/search/?q=afval").status_code == 405
