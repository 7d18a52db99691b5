"""The search log on real PostgreSQL: concurrent increments lose nothing, concurrent folds count nothing twice.

SQLite serialises writers, so the upsert racing on one daily row, two folds claiming
batches with `FOR UPDATE SKIP LOCKED`, and searches recorded while a fold runs are only
really exercised here. Each thread has its own connection, as web workers and Celery
workers do.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from search.querylog.folding import search_log_fold
from search.querylog.increments import counts_add
from search.querylog.models import SearchDay, SearchEvent, WithheldDay
from search.querylog.page_questions import page_questions
from search.querylog.recording import query_screen, search_record
from search.querylog.report import search_report
from tests.search.querylog.factories import opened, searched

THREADS = 8


def run_together(work, count: int = THREADS) -> list[BaseException]:
    """Run `work(n)` in `count` threads released at the same moment; returns their errors."""
    start, errors = threading.Barrier(count), []

    def run(n):
        try:
            start.wait(timeout=30)
            work(n)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_concurrent_increments_of_one_new_daily_row_lose_nothing(transactional_db):
    assert connection.vendor == "postgresql"
    day = date(2026, 3, 1)

    def add(_n):
        for _ in range(50):
            counts_add(SearchDay, [{"day": day, "query": "afval", "language": "nl", "searches": 1, "empty": 1}],
                       key=("day", "query", "language"), counts=("searches", "empty"))

    assert run_together(add) == []
    row = SearchDay.objects.get()  # created once, by whichever thread came first
    assert (row.searches, row.empty) == (THREADS * 50, THREADS * 50)


def test_withheld_searches_counted_from_many_workers_at_once(transactional_db):
    def record(_n):
        for _ in range(25):
            assert search_record(screened=query_screen("bel 0470 12 34 56"), language="nl", results=0)

    assert run_together(record) == []
    assert WithheldDay.objects.get().searches == THREADS * 25
    assert not SearchEvent.objects.exists()


def test_concurrent_folds_with_searches_arriving_count_each_search_once(transactional_db):
    for n in range(20):
        searched(f"vraag {n % 7}", times=50, results=n % 2)
    arrived = 4 * 60

    def work(n):
        if n < 4:  # four folds in small batches, at once
            search_log_fold(batch_size=97)
        else:  # four web workers recording meanwhile
            for i in range(60):
                search_record(screened=query_screen(f"vraag {i % 7}"), language="nl", results=1)

    assert run_together(work) == []
    search_log_fold()
    assert not SearchEvent.objects.filter(folded=False).exists()
    assert sum(SearchDay.objects.values_list("searches", flat=True)) == 20 * 50 + arrived
    assert sum(SearchDay.objects.values_list("empty", flat=True)) == 10 * 50  # the odd n had results


def test_report_and_page_questions_run_on_postgresql(transactional_db):
    today = timezone.localdate()
    searched("afvalkalender", times=3)
    searched("xqzvwj", times=2, results=0, day=today - timedelta(days=1))
    opened("afvalkalender", 12, position=3, times=2)
    before = search_report(since=today - timedelta(days=6), until=today)
    search_log_fold()
    after = search_report(since=today - timedelta(days=6), until=today)
    assert before.as_json() == after.as_json() and before.trends == after.trends
    assert [(r.query, r.count) for r in after.no_results] == [("xqzvwj", 2)]
    assert after.trends["top"][-2:] == [2, 3]
    questions = page_questions(page_id=12)
    assert [(q.query, q.opened, q.average_position) for q in questions.questions] == [("afvalkalender", 2, 3.0)]
