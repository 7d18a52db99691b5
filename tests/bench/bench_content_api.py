"""Content API benchmark (issue 3): our traversal API against stock Wagtail API v2, on the
seeded demo site, in one run, in-process (Django's test client: this measures our code and
Wagtail's, not a network stack).

* Detail: one page of each page type through `/api/content/<path>` and through a stock
  Wagtail `PagesAPIViewSet` (mounted by this module at `/stock-api/v2/`, untouched by our
  subclass) as `/pages/<id>/?fields=*`: requests per second each, ours warm (the answer
  cached for the current content generation) and ours cold (built after a publish), and
  SQL queries per request.
* Listing: 20 children of the same parent, ours (`@children?b_size=20`) against stock v2
  (`?child_of=<id>&limit=20`), requests per second and queries; and the query count of our
  listings at 5 and at 20 items (it must not grow with the number of items).
* Revalidation: a 304 (`If-None-Match`) against a full 200 built from the database.

Targets checked after every figure is printed: our warm detail at least 2x the stock
throughput, a constant number of queries per listing, a 304 at least 10x cheaper than a
full answer. Absolute times on shared machines are noise; the ratios are what we track.

BENCH_CONTENT_API_ROUNDS (default 10): timed passes over the pages after one warm-up.
"""

from __future__ import annotations

import os
import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from cms import urls as site_urls
from cms.api import generation
from cms.core.publishing import public_pages, public_path

ROUNDS = int(os.environ.get("BENCH_CONTENT_API_ROUNDS", 10))
LISTING_SIZE = 20
SMALL_LISTING = 5

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)
# This module is also the URLconf of the benchmark: the site's own map plus stock v2.
urlpatterns = [path("stock-api/v2/", stock_router.urls), *site_urls.urlpatterns]


def report(name: str, value) -> None:
    if isinstance(value, float):
        value = round(value, 3)
    print(f"{name}={value}", flush=True)


def get(client: Client, url: str, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 304), (url, response.status_code, response.content[:300])
    return response


def timed(client: Client, url: str, *, before=None, **headers) -> float:
    """Seconds for one request; `before` runs untimed first."""
    if before is not None:
        before()
    started = time.perf_counter()
    get(client, url, **headers)
    return time.perf_counter() - started


def in_turns(client: Client, steps: list[list[tuple[str, str, dict]]], before_first=None) -> dict[str, float]:
    """Requests per second of each named case, measured in turns over ROUNDS passes.

    Each step is a list of (case, url, headers) run back to back; `before_first` runs untimed
    before a step's first request (a new content generation: that request builds its
    answer, the step's later requests to the same URL find it cached). Taking turns means a
    neighbour's burst on a shared machine slows every case alike, and the rate comes from
    the median time, which such a burst moves less than the mean.
    """
    times: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        for step in steps:
            for index, (case, url, headers) in enumerate(step):
                before = before_first if index == 0 else None
                times.setdefault(case, []).append(timed(client, url, before=before, **headers))
    return {case: 1 / statistics.median(values) for case, values in times.items()}


def queries(client: Client, url: str, *, before=None, **headers) -> int:
    """SQL queries of one request; without `before`, a request first fills the answer cache."""
    if before is not None:
        before()
    else:
        get(client, url, **headers)
    with CaptureQueriesContext(connection) as captured:
        get(client, url, **headers)
    return len(captured)


def one_page_per_type() -> dict[str, Page]:
    """The first public page (in tree order) of every page type below the Dutch home."""
    found: dict[str, Page] = {}
    for page in public_pages().filter(locale__language_code="nl", depth__gt=2).order_by("path").specific():
        found.setdefault(page.specific_class._meta.label, page)
    return found


def listing_parent() -> Page:
    """The Dutch page with the most public children (at least LISTING_SIZE)."""
    best = max(public_pages().filter(locale__language_code="nl", numchild__gte=LISTING_SIZE),
               key=lambda page: public_pages().child_of(page).count())
    assert public_pages().child_of(best).count() >= LISTING_SIZE
    return best


@pytest.mark.urls("tests.bench.bench_content_api")
def test_content_api_against_stock_wagtail_v2(db, settings):
    from cms.importers.seed.run import seed_demo

    settings.SEARCH_EMBEDDER = "search.embeddings.HashingEmbedder"
    settings.CONTENT_API_ANON_RATE = None  # the benchmark is one very busy anonymous client
    settings.DEBUG = False
    started = time.perf_counter()
    seed_demo()
    seed_seconds = time.perf_counter() - started
    call_command("readability_rescore")  # what each publish's task stored (the seed's transaction ran no tasks)
    pages = one_page_per_type()
    ours = {label: "/api/content/" + public_path(page.url_path) for label, page in pages.items()}
    stock = {label: f"/stock-api/v2/pages/{page.pk}/?fields=*" for label, page in pages.items()}
    client = Client()
    new_generation = generation.bump  # what a publish does: every cached answer retired

    for url in [*ours.values(), *stock.values()]:
        get(client, url)  # warm: site lookups, renditions, compiled templates, our answer cache
    etags = {label: get(client, url)["ETag"] for label, url in ours.items()}
    detail = in_turns(client, [
        [("ours_cold", ours[label], {}), ("ours_warm", ours[label], {}),
         ("not_modified", ours[label], {"HTTP_IF_NONE_MATCH": etags[label]}), ("stock", stock[label], {})]
        for label in pages
    ], before_first=new_generation)
    ours_cold, ours_warm, revalidate_rps, stock_rps = (
        detail["ours_cold"], detail["ours_warm"], detail["not_modified"], detail["stock"]
    )
    assert all(get(client, url, HTTP_IF_NONE_MATCH=etags[label]).status_code == 304 for label, url in ours.items())
    detail_queries = {
        label: (queries(client, ours[label]), queries(client, ours[label], before=new_generation),
                queries(client, stock[label]))
        for label in pages
    }

    parent = listing_parent()
    parent_path = public_path(parent.url_path)
    listing = {size: f"/api/content/{parent_path}/@children?b_size={size}" for size in (SMALL_LISTING, LISTING_SIZE)}
    our_v2 = {size: f"/api/v2/pages/?child_of={parent.pk}&limit={size}" for size in (SMALL_LISTING, LISTING_SIZE)}
    stock_listing = {size: f"/stock-api/v2/pages/?child_of={parent.pk}&limit={size}" for size in (SMALL_LISTING, LISTING_SIZE)}
    for url in [*listing.values(), *our_v2.values(), *stock_listing.values()]:
        get(client, url)
    listed = in_turns(client, [[("ours_cold", listing[LISTING_SIZE], {}), ("ours_warm", listing[LISTING_SIZE], {}),
                                 ("stock", stock_listing[LISTING_SIZE], {})]], before_first=new_generation)
    listing_cold, listing_warm, stock_listing_rps = listed["ours_cold"], listed["ours_warm"], listed["stock"]
    listing_queries = {size: queries(client, listing[size], before=new_generation) for size in listing}
    v2_queries = {size: queries(client, our_v2[size]) for size in our_v2}
    stock_listing_queries = {size: queries(client, stock_listing[size]) for size in stock_listing}

    not_modified_queries = max(queries(client, url, HTTP_IF_NONE_MATCH=etags[label]) for label, url in ours.items())
    cold_304_queries = max(
        queries(client, url, before=new_generation, HTTP_IF_NONE_MATCH=etags[label]) for label, url in ours.items()
    )

    print()
    report("content_api_database", connection.vendor)
    report("content_api_seed_seconds", seed_seconds)
    report("content_api_page_types", len(pages))
    report("content_api_rounds", ROUNDS)
    for label, (warm, cold, stock_count) in sorted(detail_queries.items()):
        name = label.replace(".", "_")
        report(f"content_api_detail_queries_{name}_ours_warm", warm)
        report(f"content_api_detail_queries_{name}_ours_cold", cold)
        report(f"content_api_detail_queries_{name}_stock_v2", stock_count)
    report("content_api_listing_parent", parent_path)
    for size in listing:
        report(f"content_api_listing_queries_{size}_items_ours_cold", listing_queries[size])
        report(f"content_api_listing_queries_{size}_items_our_v2", v2_queries[size])
        report(f"content_api_listing_queries_{size}_items_stock_v2", stock_listing_queries[size])
    report("content_api_304_queries_warm", not_modified_queries)
    report("content_api_304_queries_after_publish", cold_304_queries)
    report("content_api_detail_per_second_ours_warm", ours_warm)
    report("content_api_detail_per_second_ours_cold", ours_cold)
    report("content_api_detail_per_second_stock_v2", stock_rps)
    report("content_api_listing_per_second_ours_warm", listing_warm)
    report("content_api_listing_per_second_ours_cold", listing_cold)
    report("content_api_listing_per_second_stock_v2", stock_listing_rps)
    report("content_api_304_per_second", revalidate_rps)
    report("content_api_detail_cold_to_stock_ratio", ours_cold / stock_rps)
    report("content_api_listing_warm_to_stock_ratio", listing_warm / stock_listing_rps)
    report("content_api_304_to_full_200_cost_ratio", revalidate_rps / ours_cold)
    report("content_api_detail_warm_to_stock_ratio", ours_warm / stock_rps)

    assert ours_warm >= 2 * stock_rps, "our warm detail must be at least 2x stock v2"
    assert listing_queries[SMALL_LISTING] == listing_queries[LISTING_SIZE], "listing queries grow with items"
    assert v2_queries[SMALL_LISTING] == v2_queries[LISTING_SIZE], "v2 listing queries grow with items"
    assert revalidate_rps >= 10 * ours_cold, "a 304 must be at least 10x cheaper than a full answer"
