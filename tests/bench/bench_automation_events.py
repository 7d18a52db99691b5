"""Benchmark (a): signed dossier events ingested per second through the endpoint, against a
bare view that only parses the body and stores the row (same process, same database, same
middleware). Processing is a separate task and is not queued here: this measures what a
case system waits for. Prints name=value lines, the ratio last.

The two run interleaved, in rounds of ROUND events each (which goes first alternates), and
each side's time is summed over the rounds: on a machine other work shares, a burst of load
then slows both sides alike instead of whichever happened to run during it.
"""

from __future__ import annotations

import json
import time

import pytest
from django.db import connection
from django.test import Client

from automation.dossiers.models import DossierEvent
from automation.dossiers.signature import body_signature
from tests.automation.example_event import EXAMPLE_EVENT

EVENTS = 400
ROUND = 40
SECRET = "bench-secret"


def bodies(prefix: str) -> list[bytes]:
    return [json.dumps({**EXAMPLE_EVENT, "event_id": f"{prefix}-{n}"}).encode() for n in range(EVENTS)]


def rate(client: Client, url: str, payloads: list[bytes], *, sign: bool) -> float:
    return len(payloads) / elapsed(client, url, payloads, sign=sign)


def elapsed(client: Client, url: str, payloads: list[bytes], *, sign: bool) -> float:
    started = time.perf_counter()
    for body in payloads:
        headers = {"HTTP_X_SIGNATURE": body_signature(body, SECRET)} if sign else {}
        response = client.post(url, data=body, content_type="application/json", **headers)
        assert response.status_code == 202, response.content
    return time.perf_counter() - started


def interleaved_rates(client: Client) -> tuple[float, float]:
    """Events per second of the bare view and of the endpoint, measured in alternating rounds."""
    bare_bodies, our_bodies = bodies("bare"), bodies("ours")
    spent = {"bare": 0.0, "ours": 0.0}
    for start in range(0, EVENTS, ROUND):
        sides = [("bare", "/bare/events/", bare_bodies, False), ("ours", "/api/automation/events/", our_bodies, True)]
        for side, url, payloads, sign in sides if start // ROUND % 2 == 0 else reversed(sides):
            spent[side] += elapsed(client, url, payloads[start : start + ROUND], sign=sign)
    return EVENTS / spent["bare"], EVENTS / spent["ours"]


@pytest.mark.urls("tests.bench.automation_urls")
def test_signed_event_ingest_rate_against_a_bare_insert(transactional_db, settings, monkeypatch):
    from automation.dossiers import services
    from cms.core.models import Wijk

    settings.AUTOMATION_WEBHOOK_SECRET = SECRET
    monkeypatch.setattr(services, "queue_event_processing", lambda pk: None)
    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    client = Client()
    rate(client, "/bare/events/", bodies("warm-bare")[:20], sign=False)  # warm caches and connections
    rate(client, "/api/automation/events/", bodies("warm")[:20], sign=True)

    bare, ours = interleaved_rates(client)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        rate(client, "/api/automation/events/", bodies("count")[:1], sign=True)
    repeat = json.dumps({**EXAMPLE_EVENT, "event_id": "ours-0"}).encode()
    repeat_queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: repeat_queries.append(sql) or execute(sql, *args)):
        client.post(
            "/api/automation/events/", data=repeat, content_type="application/json",
            HTTP_X_SIGNATURE=body_signature(repeat, SECRET),
        )  # fmt: skip
    started = time.perf_counter()
    for _ in range(EVENTS):
        client.post(
            "/api/automation/events/", data=repeat, content_type="application/json",
            HTTP_X_SIGNATURE=body_signature(repeat, SECRET),
        )  # fmt: skip
    repeats = EVENTS / (time.perf_counter() - started)

    assert DossierEvent.objects.filter(event_id__startswith="ours-").count() == EVENTS
    print()
    print(f"automation_events_database={connection.vendor}")
    print(f"automation_events_sql_queries_per_new_event={len(queries)}")
    print(f"automation_events_sql_queries_per_repeat={len(repeat_queries)}")
    print(f"automation_events_repeats_per_second={repeats:.0f}")
    print(f"automation_events_bare_insert_per_second={bare:.0f}")
    print(f"automation_events_signed_endpoint_per_second={ours:.0f}")
    print(f"automation_events_endpoint_to_bare_ratio={ours / bare:.2f}")
