"""Search log benchmark (issue 14): what recording costs a search, and what folding and the report cost.

In one run, on the database `make bench` provides (PostgreSQL), in-process (Django's test
client), on the content hub's test tree indexed in the local backend with the hashing
embedder (so the search itself is cheap and the log's share shows):

* the public search API with the log on, and with it off (recording and click links
  replaced by nothing), in turns: requests per second each, and SQL statements per search
  (the log adds one INSERT);
* recording alone: microseconds per recorded search, and screening a query for personal data;
* folding BENCH_SEARCH_LOG_ROWS raw rows (default 50,000) into daily counts: rows per second;
* the report over 30 days of daily counts (BENCH_SEARCH_LOG_QUERIES distinct queries a day,
  default 1,000) plus a day of rows not folded yet: milliseconds and SQL statements.

Printed as name=value lines, the ratio last (search throughput without the log over with
it: 1.0 means free). Nothing is asserted on times; the statement counts are asserted.
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from search.backends import get_backend
from search.extraction import documents_for_pages
from search.querylog.folding import search_log_fold
from search.querylog.models import SearchDay, SearchEvent
from search.querylog.recording import query_screen, search_record
from search.querylog.report import search_report
from tests.cms import conftest as cms_fixtures

home = cms_fixtures.home
locales = cms_fixtures.locales
build_tree = cms_fixtures.tree.__wrapped__

ROUNDS = int(os.environ.get("BENCH_SEARCH_LOG_ROUNDS", 200))
ROWS = int(os.environ.get("BENCH_SEARCH_LOG_ROWS", 50_000))
QUERIES_A_DAY = int(os.environ.get("BENCH_SEARCH_LOG_QUERIES", 1_000))
SEARCHES = ["grofvuil", "ledeberg", "speelplein", "fietsstraten", "buurtfeest", "xqzvwj"]
SCREENED = ["afvalkalender", "bel 0470 12 34 56", "85.07.30-033.28", "jan@telenet.be", "3 kamers 9000 gent",
            "BE68 5390 0754 7034", "hoe vraag ik een parkeerkaart aan voor bewoners"]


def report(name: str, value) -> None:
    if isinstance(value, float):
        value = round(value, 3)
    print(f"{name}={value}", flush=True)


def search_url(n: int) -> str:
    return f"/api/search/?q={SEARCHES[n % len(SEARCHES)]}&mode=keyword"


def per_second(times: list[float]) -> float:
    return 1 / statistics.median(times)


def test_what_the_search_log_costs(db, home, settings, monkeypatch):
    settings.SEARCH_EMBEDDER = "search.embeddings.HashingEmbedder"
    settings.CONTENT_API_ANON_RATE = None
    settings.DEBUG = False
    build_tree(home)
    get_backend("default").index_documents(documents_for_pages(Page.objects.values_list("pk", flat=True)).values())
    client = Client()
    from cms.api.services.search import get as search_endpoint

    logging_on = (search_endpoint.search_log, search_endpoint.click_links)

    def logging_off():
        monkeypatch.setattr(search_endpoint, "search_log", lambda *args: None)
        monkeypatch.setattr(search_endpoint, "click_links", lambda request, query, hits, screened: [None] * len(hits))

    def logging_back():
        monkeypatch.setattr(search_endpoint, "search_log", logging_on[0])
        monkeypatch.setattr(search_endpoint, "click_links", logging_on[1])

    for n in range(len(SEARCHES)):
        assert client.get(search_url(n)).status_code == 200  # warm
    times = {"on": [], "off": []}
    for n in range(ROUNDS):
        for case in ("on", "off"):
            logging_off() if case == "off" else logging_back()
            started = time.perf_counter()
            assert client.get(search_url(n)).status_code == 200
            times[case].append(time.perf_counter() - started)
    logging_back()
    with CaptureQueriesContext(connection) as on:
        client.get(search_url(0))
    logging_off()
    with CaptureQueriesContext(connection) as off:
        client.get(search_url(0))
    logging_back()
    # Inside the test's transaction the log's own atomic block is a savepoint (two statements
    # more); in production, in autocommit, it is the INSERT and a commit.
    statements = [q["sql"] for q in on.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) - len(off) == 1 and statements[-1].startswith("INSERT")  # one INSERT, nothing else
    report("search_rps_with_log", per_second(times["on"]))
    report("search_rps_without_log", per_second(times["off"]))
    report("search_sql_statements_with_log", len(statements))
    report("search_sql_statements_without_log", len(off))

    screened = query_screen("afvalkalender")
    started = time.perf_counter()
    for _ in range(ROUNDS):
        search_record(screened=screened, language="nl", results=3)
    report("record_us", (time.perf_counter() - started) / ROUNDS * 1e6)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for text in SCREENED:
            query_screen(text)
    report("screen_query_us", (time.perf_counter() - started) / (ROUNDS * len(SCREENED)) * 1e6)

    SearchEvent.objects.all().delete()
    today = timezone.localdate()
    SearchEvent.objects.bulk_create(
        [SearchEvent(day=today - timedelta(days=n % 7), query=f"vraag {n % (QUERIES_A_DAY * 3)}", language="nl",
                     results=n % 4) for n in range(ROWS)],
        batch_size=5000,
    )
    started = time.perf_counter()
    folded = search_log_fold()
    fold_seconds = time.perf_counter() - started
    assert folded.searches == ROWS
    report("fold_rows", ROWS)
    report("fold_rows_per_second", ROWS / fold_seconds)

    SearchDay.objects.all().delete()
    SearchDay.objects.bulk_create(
        [SearchDay(day=today - timedelta(days=day), query=f"vraag {q}", language="nl", searches=1 + q % 9,
                   empty=q % 3 == 0) for day in range(30) for q in range(QUERIES_A_DAY)],
        batch_size=5000,
    )
    SearchEvent.objects.bulk_create(
        [SearchEvent(day=today, query=f"vraag {n % QUERIES_A_DAY}", language="nl", results=n % 2)
         for n in range(QUERIES_A_DAY * 5)], batch_size=5000)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        result = search_report(since=today - timedelta(days=29), until=today)
        report_seconds = time.perf_counter() - started
    assert len(captured) == 5 and result.top
    report("report_daily_rows", 30 * QUERIES_A_DAY)
    report("report_unfolded_rows", QUERIES_A_DAY * 5)
    report("report_ms", report_seconds * 1000)
    report("report_sql_statements", len(captured))
    report("log_overhead_ratio", per_second(times["off"]) / per_second(times["on"]))
