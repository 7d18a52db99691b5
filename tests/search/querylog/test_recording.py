"""Recording a search or a click: one row, the normalised query, nothing about the person; never an error."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.querylog.click_tokens import Click
from search.querylog.models import SearchClick, SearchEvent, WithheldDay
from search.querylog.recording import click_record, query_screen, search_record

pytestmark = pytest.mark.django_db


def test_a_search_is_one_insert_of_the_normalised_query():
    with CaptureQueriesContext(connection) as queries:
        assert search_record(screened=query_screen("  Grof   HUISVUIL ophalen "), language="nl", results=4)
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    row = SearchEvent.objects.get()
    assert (row.query, row.language, row.results, row.day) == ("grof huisvuil ophalen", "nl", 4, timezone.localdate())
    assert not row.folded


def test_the_row_holds_nothing_about_who_searched():
    names = {field.name for field in SearchEvent._meta.get_fields()} | {f.name for f in SearchClick._meta.get_fields()}
    assert names == {"id", "day", "query", "language", "results", "folded", "page_id", "position"}


def test_a_query_that_looks_like_personal_data_is_only_counted_without_its_text():
    for text in ("jan.peeters@telenet.be", "0470 12 34 56", "85.07.30-033.28", "bel 0470123456 aub"):
        search_record(screened=query_screen(text), language="nl", results=0)
    assert not SearchEvent.objects.exists()
    assert dict(WithheldDay.objects.values_list("kind", "searches")) == {"email": 1, "phone": 2, "national_number": 1}
    stored = " ".join(str(value) for row in WithheldDay.objects.values() for value in row.values())
    assert "peeters" not in stored and "0470" not in stored and "85.07" not in stored


def test_a_screened_personal_query_gives_no_text_to_link_with():
    screened = query_screen("Mijn IBAN BE68 5390 0754 7034")
    assert screened.query == "" and not screened.storable and screened.withheld == "iban"


def test_an_empty_query_is_not_recorded():
    assert not search_record(screened=query_screen("   "), language="nl", results=0)
    assert not SearchEvent.objects.exists() and not WithheldDay.objects.exists()


def test_a_click_is_one_insert():
    assert click_record(click=Click(query="afvalkalender", language="nl", page_id=7, position=2))
    row = SearchClick.objects.get()
    assert (row.query, row.language, row.page_id, row.position) == ("afvalkalender", "nl", 7, 2)


def test_a_failure_to_record_is_logged_without_the_query_and_not_raised(monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("duplicate key (query)=(geheime zoekvraag)")

    monkeypatch.setattr(SearchEvent.objects, "create", broken)
    with caplog.at_level(logging.WARNING, logger="search.querylog.recording"):
        assert search_record(screened=query_screen("geheime zoekvraag"), language="nl", results=1) is False
    assert "could not record a search (RuntimeError)" in caplog.text
    assert "geheime" not in caplog.text


def test_a_failure_leaves_the_surrounding_transaction_usable(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(SearchClick, "save", lambda self, *a, **k: (_ for _ in ()).throw(RuntimeError("down")))
    with transaction.atomic():
        assert click_record(click=Click(query="x", language="", page_id=1, position=1)) is False
        search_record(screened=query_screen("nog steeds bruikbaar"), language="", results=1)
    assert SearchEvent.objects.get().query == "nog steeds bruikbaar"
