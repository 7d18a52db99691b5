"""Campaign figures benchmark (issue 15): what the page-view counters and the journey diagram cost.

In one run, on the database `make bench` provides (PostgreSQL), in-process:

* adding a batch of page views for BENCH_PAGEVIEWS_PAGES pages (default 200): our one
  UPSERT per table against the naive way (per page: get_or_create the day's row, then an
  UPDATE with F() + n), in turns, BENCH_PAGEVIEWS_ROUNDS rounds (default 20); SQL statements
  per batch for 1 page and for all of them (ours is fixed, the naive way grows with pages);
* the journey diagram's counts: SQL statements for a version with 10 enrolments and with
  BENCH_DIAGRAM_ENROLMENTS (default 2,000): the same.

Printed as name=value lines, the ratio last (naive seconds over ours: above 1.0 means the
UPSERT is faster). Nothing is asserted on times; the statement counts are asserted.
"""

from __future__ import annotations

import os
import time
import uuid

from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from automation.journeys.diagram.counting import step_counts
from automation.journeys.models import Enrolment, Journey, JourneyStep, JourneyVersion, StepPassage
from cms.core.publishing import site_path
from cms.pageviews.counting import pageviews_add
from cms.pageviews.models import PageViewDay
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.cms import conftest as cms_fixtures

home = cms_fixtures.home
locales = cms_fixtures.locales

PAGES = int(os.environ.get("BENCH_PAGEVIEWS_PAGES", 200))
ROUNDS = int(os.environ.get("BENCH_PAGEVIEWS_ROUNDS", 20))
ENROLMENTS = int(os.environ.get("BENCH_DIAGRAM_ENROLMENTS", 2_000))


def report(name: str, value) -> None:
    if isinstance(value, float):
        value = round(value, 3)
    print(f"{name}={value}", flush=True)


def naive_add(page_ids: list[int], day) -> None:
    with transaction.atomic():
        for pk in page_ids:
            row, _ = PageViewDay.objects.get_or_create(page_id=pk, day=day)
            PageViewDay.objects.filter(pk=row.pk).update(views=F("views") + 1)


def test_what_page_views_and_the_diagram_cost(db, home):
    index = cms_fixtures.add_page(home, ThemeIndexPage, title="Thema's", slug="themas")
    pages = []
    for n in range(PAGES):
        page = ThemePage(title=f"Pagina {n}", slug=f"pagina-{n}", live=True)
        index.add_child(instance=page)
        pages.append(page)
    paths = {site_path(page.url_path): 1 for page in pages}
    day = timezone.localdate()

    def ours(views):
        pageviews_add(batch=uuid.uuid4(), day=day, views=views, referrers={"google.com": 1})

    with CaptureQueriesContext(connection) as one:
        ours(dict(list(paths.items())[:1]))
    with CaptureQueriesContext(connection) as many:
        ours(paths)
    with CaptureQueriesContext(connection) as naive_one:
        naive_add([pages[0].pk], day)
    with CaptureQueriesContext(connection) as naive_many:
        naive_add([page.pk for page in pages], day)
    assert len(one) == len(many)
    ours_seconds = naive_seconds = 0.0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        ours(paths)
        ours_seconds += time.perf_counter() - started
        started = time.perf_counter()
        naive_add([page.pk for page in pages], day)
        naive_seconds += time.perf_counter() - started
    assert PageViewDay.objects.filter(page=pages[-1]).get().views == 2 + 2 * ROUNDS

    journey = Journey.objects.create(slug="bench", name="bench")
    version = JourneyVersion.objects.create(journey=journey, number=1)
    wait = JourneyStep.objects.create(version=version, key="wacht", kind=JourneyStep.Kind.WAIT)
    JourneyStep.objects.create(version=version, key="stop", kind=JourneyStep.Kind.EXIT)

    def enrol(count, start):
        rows = Enrolment.objects.bulk_create(
            Enrolment(journey=journey, version=version, status=Enrolment.Status.WAITING, current_step=wait,
                      occasion=f"bench:{start + n}")
            for n in range(count)
        )  # fmt: skip
        StepPassage.objects.bulk_create(StepPassage(enrolment=row, step=wait) for row in rows)

    enrol(10, 0)
    with CaptureQueriesContext(connection) as few:
        step_counts(version)
    enrol(ENROLMENTS - 10, 10)
    with CaptureQueriesContext(connection) as lots:
        counts = step_counts(version)
    assert counts[wait.pk].waiting == ENROLMENTS and len(few) == len(lots)

    report("pageviews_pages_per_batch", PAGES)
    report("pageviews_statements_batch_of_1", len(one))
    report(f"pageviews_statements_batch_of_{PAGES}", len(many))
    report("naive_statements_batch_of_1", len(naive_one))
    report(f"naive_statements_batch_of_{PAGES}", len(naive_many))
    report("pageviews_ms_per_batch", 1000 * ours_seconds / ROUNDS)
    report("naive_ms_per_batch", 1000 * naive_seconds / ROUNDS)
    report("diagram_statements_10_enrolments", len(few))
    report(f"diagram_statements_{ENROLMENTS}_enrolments", len(lots))
    report("pageviews_naive_over_upsert_ratio", naive_seconds / ours_seconds)
