"""Folding raw rows into daily counts: counted once, in batches, and the report reads the same either way."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search.querylog.folding import search_log_fold
from search.querylog.models import SearchClick, SearchDay, SearchEvent, SearchPageDay
from search.querylog.report import search_report

from .factories import opened, searched

pytestmark = pytest.mark.django_db


def test_raw_rows_become_daily_counts_per_query_and_language():
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    searched("afval", times=3, results=5)
    searched("afval", times=1, results=0)
    searched("afval", times=2, results=5, language="")
    searched("afval", times=2, results=5, day=yesterday)
    opened("afval", 10, position=1, times=2)
    opened("afval", 10, position=4)
    opened("afval", 11, position=2)

    folded = search_log_fold(batch_size=3)  # several batches

    assert (folded.searches, folded.clicks) == (8, 4)
    assert not SearchEvent.objects.filter(folded=False).exists() and not SearchClick.objects.filter(folded=False).exists()
    days = {(d.day, d.language): (d.searches, d.empty) for d in SearchDay.objects.filter(query="afval")}
    assert days == {(today, "nl"): (4, 1), (today, ""): (2, 0), (yesterday, "nl"): (2, 0)}
    pages = {p.page_id: (p.clicks, p.position_sum) for p in SearchPageDay.objects.all()}
    assert pages == {10: (3, 6), 11: (1, 2)}


def test_folding_again_adds_to_the_same_day_and_counts_nothing_twice():
    searched("parkeren", times=2)
    search_log_fold()
    searched("parkeren", times=3, results=0)
    search_log_fold()
    assert search_log_fold().searches == 0
    day = SearchDay.objects.get(query="parkeren")
    assert (day.searches, day.empty) == (5, 3)


def test_the_report_is_the_same_before_and_after_a_fold():
    searched("zwembad", times=4, results=2)
    searched("xqzv", times=2, results=0)
    opened("zwembad", 5, position=2)
    searched("fietsdiefstal", times=3, results=6)
    today = timezone.localdate()
    before = search_report(since=today - timedelta(days=6), until=today).as_json()
    search_log_fold()
    after = search_report(since=today - timedelta(days=6), until=today).as_json()
    assert before == after
    assert before["top"][0] == {"query": "zwembad", "lang": "nl", "count": 4}


def test_half_folded_counts_add_up():
    searched("bibliotheek", times=2)
    search_log_fold()
    searched("bibliotheek", times=5)
    today = timezone.localdate()
    assert search_report(since=today, until=today).top[0].count == 7
