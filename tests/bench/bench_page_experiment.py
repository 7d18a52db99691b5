"""Page experiment benchmark (issue 15): what a page under experiment costs the content API.

In one run, in-process (Django's test client), on the content hub's test tree with a theme
page holding two buttons, in turns:

* the page with no experiment, as most requests meet it: a warm answer from the answer cache;
* the same page with an experiment running: every view built, drawn and stored (one INSERT);
* following the measured link: one conditional UPDATE, then the redirect.

Printed as name=value lines: SQL statements per request for each, requests per second for
each, and last the ratio (warm cached answers per second over experiment views per second:
what running an experiment on one page costs that page). Statement counts are asserted
(they are what we track); times are not.
"""

from __future__ import annotations

import os
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.experiments.pages.models import ExperimentStatus, PageExperiment, PageExperimentVersion, PageView
from cms.themes.models import ThemePage
from tests.cms import conftest as cms_fixtures

home = cms_fixtures.home
locales = cms_fixtures.locales
build_tree = cms_fixtures.tree.__wrapped__

ROUNDS = int(os.environ.get("BENCH_PAGE_EXPERIMENT_ROUNDS", 200))
APPLY = "https://afspraken.stad.gent.example/grofvuil"
PATH = "/api/content/nl/themas/grofvuil-ophalen"


def report(name: str, value) -> None:
    if isinstance(value, float):
        value = round(value, 3)
    print(f"{name}={value}", flush=True)


def timed(client: Client, urls: list[str]) -> tuple[float, int]:
    """(requests per second, SQL statements per request) over `urls`."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 302), (url, response.status_code)
        elapsed = time.perf_counter() - started
    return len(urls) / elapsed, round(len(queries) / len(urls))


def test_what_a_page_experiment_costs(db, home, settings):
    tree = build_tree(home)
    cms_fixtures.add_page(
        tree.theme_index, ThemePage, title="Grofvuil ophalen", slug="grofvuil-ophalen", intro="Laat grofvuil ophalen.",
        body=[("paragraph", "<p>Grofvuil past niet in de vuilniszak.</p>"),
              ("call_to_action", {"label": "Maak een afspraak", "url": APPLY, "description": ""})])
    client = Client()
    client.get(PATH)  # into the answer cache
    cached_rps, cached_statements = timed(client, [PATH] * ROUNDS)

    experiment = PageExperiment.objects.create(name="Knoptekst", page_id=ThemePage.objects.get(slug="grofvuil-ophalen").pk,
                                               measured_link=APPLY)
    PageExperimentVersion.objects.create(experiment=experiment, text="Vraag nu een ophaling aan", weight=50)
    experiment_rps, experiment_statements = timed(client, [PATH] * ROUNDS)
    clicks = [client.get(PATH).json()["experiment"]["click"] for _ in range(ROUNDS)]
    click_rps, click_statements = timed(client, clicks)
    again_rps, again_statements = timed(client, clicks)  # second uses: redirected, not counted

    assert PageView.objects.filter(experiment=experiment, clicked_at__isnull=False).count() == ROUNDS
    assert experiment_statements <= cached_statements + 40  # a built answer, plus the draw's one INSERT
    assert click_statements <= 4 and again_statements == click_statements
    PageExperiment.objects.filter(pk=experiment.pk).update(status=ExperimentStatus.STOPPED)

    report("rounds", ROUNDS)
    report("cached_statements_per_request", cached_statements)
    report("experiment_statements_per_view", experiment_statements)
    report("click_statements", click_statements)
    report("cached_requests_per_second", cached_rps)
    report("experiment_views_per_second", experiment_rps)
    report("clicks_per_second", click_rps)
    report("second_use_clicks_per_second", again_rps)
    report("cached_over_experiment_ratio", cached_rps / experiment_rps)
