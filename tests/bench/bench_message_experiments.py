"""Benchmark: what an experiment on a send step costs per message, and what the outcome sweep costs.

The same send step is run for the same number of citizens twice: on a journey without an
experiment and on one with a running two-version experiment (the version chosen by the
hash, its own words rendered, the exposure and the per-message version recorded). Prints
queries per enrolment and time per enrolment for both, and their ratio; then the queries
and time one outcome sweep of the experiment takes (a fixed number of UPDATEs, however many
exposures). Prints name=value lines.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.db import connection

from automation.experiments.models import Exposure
from automation.experiments.outcomes import experiment_outcomes_record
from automation.journeys.runtime import enrolment_start
from tests.automation.experiments.helpers import journey_with_experiment
from tests.automation.factories import make_citizen
from tests.automation.journeys import builders

CITIZENS = 200


def report(name: str, value) -> None:
    print(f"{name}={round(value, 4) if isinstance(value, float) else value}", flush=True)


@contextmanager
def counting():
    """Counts every query (Django's own query log keeps only the last 9000)."""
    count = [0]

    def wrapper(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield count


def run(trigger, people, occasion: str) -> tuple[float, float]:
    with counting() as queries:
        started = time.perf_counter()
        for citizen in people:
            enrolment_start(trigger=trigger, citizen=citizen, occasion=occasion, context={})
        elapsed = time.perf_counter() - started
    return queries[0] / len(people), elapsed / len(people)


def test_an_experiment_on_a_send_step_against_the_plain_step(transactional_db, settings):
    from cms.core.models import Wijk

    settings.AUTOMATION_PUBLIC_BASE_URL = "https://gent.example"
    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    people = [make_citizen(ref=f"b-{i}", email=f"b{i}@example.be") for i in range(CITIZENS)]
    experiment, with_experiment = journey_with_experiment()
    plain_version = builders.journey("zonder")
    plain = builders.trigger(plain_version, "aanvraag_ontvangen", entry=builders.send_step(plain_version, channels=("email",), delivery="first"))
    run(plain, people[:20], "warm")
    plain_queries, plain_time = run(plain, people, "bench")
    ours_queries, ours_time = run(with_experiment, people, "bench")
    assert Exposure.objects.filter(experiment=experiment).count() == CITIZENS
    report("experiment_citizens", CITIZENS)
    report("experiment_plain_queries_per_enrolment", plain_queries)
    report("experiment_queries_per_enrolment", ours_queries)
    report("experiment_extra_queries_per_enrolment", ours_queries - plain_queries)
    report("experiment_plain_ms_per_enrolment", plain_time * 1000)
    report("experiment_ms_per_enrolment", ours_time * 1000)
    report("experiment_time_ratio_to_plain", ours_time / plain_time)

    with counting() as queries:
        started = time.perf_counter()
        experiment_outcomes_record(experiment=experiment)
        elapsed = time.perf_counter() - started
    report("experiment_outcome_sweep_queries", queries[0])
    report("experiment_outcome_sweep_ms", elapsed * 1000)
