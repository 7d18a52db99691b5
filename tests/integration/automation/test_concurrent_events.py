"""The same dossier event delivered by eight truly parallel requests is stored once (real PostgreSQL).

SQLite's test database serialises writers, so the race this guards against (two inserts
of one (source, event_id) in flight together) only happens on a database with concurrent
writers; here each delivery runs in its own thread, connection and transaction, released
together by a barrier. One answer is 202 (new), seven are 200 with the same id. Senders
racing with different bodies under one id keep the winner's body and queue it once; a
repeat inside a caller's transaction leaves that transaction usable (PostgreSQL aborts
one on a failed statement, so a conflict must not be an error).
"""

from __future__ import annotations

import copy
import json
import threading

import pytest
from django.db import connection
from django.test import Client

from automation.contacts import wijken as wijk_lookup
from automation.dossiers.models import DossierEvent
from automation.dossiers.signature import body_signature
from tests.automation.example_event import EXAMPLE_EVENT, SECRET

DELIVERIES = 8


@pytest.fixture
def rabot(transactional_db):
    from cms.core.models import Wijk

    wijk_lookup._cache["table"] = None
    wijk, _ = Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    return wijk


def deliver(body: bytes):
    return Client().post(
        "/api/automation/events/",
        data=body,
        content_type="application/json",
        HTTP_X_SIGNATURE=body_signature(body, SECRET),
    )


def test_truly_concurrent_deliveries_store_the_event_once(settings, rabot):
    assert connection.vendor == "postgresql"
    settings.AUTOMATION_WEBHOOK_SECRET = SECRET
    settings.AUTOMATION_SMS_BACKEND = "automation.channels.sms_locmem.LocmemSmsBackend"
    body = json.dumps(copy.deepcopy(EXAMPLE_EVENT)).encode()
    start = threading.Barrier(DELIVERIES)
    statuses: list[int] = []
    ids: set[int] = set()
    lock = threading.Lock()

    def run():
        try:
            start.wait()
            response = deliver(body)
            with lock:
                statuses.append(response.status_code)
                if response.status_code in (200, 202):
                    ids.add(response.json()["id"])
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(DELIVERIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * (DELIVERIES - 1) + [202]
    assert len(ids) == 1
    assert DossierEvent.objects.count() == 1


def test_concurrent_deliveries_of_one_id_with_different_bodies_keep_the_winner_and_queue_it_once(
    settings, rabot, monkeypatch
):
    """Six senders race with the same (source, event_id) but each its own body: one row, one queued task."""
    from automation.dossiers import services

    settings.AUTOMATION_WEBHOOK_SECRET = SECRET
    queued: list[int] = []
    monkeypatch.setattr(services, "queue_event_processing", queued.append)
    bodies = [
        json.dumps({**copy.deepcopy(EXAMPLE_EVENT), "data": {"address": f"Rabotstraat {n}, 9000 Gent"}}).encode()
        for n in range(6)
    ]
    start = threading.Barrier(len(bodies))
    answers: dict[int, object] = {}

    def run(n: int):
        try:
            start.wait()
            answers[n] = deliver(bodies[n])
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [n for n, answer in answers.items() if answer.status_code == 202]
    assert len(winners) == 1 and sorted(answer.status_code for answer in answers.values()) == [200] * 5 + [202]
    stored = DossierEvent.objects.get()
    assert {answer.json()["id"] for answer in answers.values()} == {stored.pk}
    assert all(answer.json()["duplicate"] is (n not in winners) for n, answer in answers.items())
    assert stored.payload["data"] == json.loads(bodies[winners[0]])["data"]  # the winner's body, untouched
    assert queued == [stored.pk]


def test_a_repeat_inside_a_callers_transaction_leaves_it_usable_on_postgresql(rabot, monkeypatch):
    """PostgreSQL aborts a transaction on a failed INSERT; a repeat must not fail one (and needs no savepoint)."""
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from automation.contacts.models import Citizen
    from automation.dossiers import services
    from automation.dossiers.event_schema import dossier_event_validate

    monkeypatch.setattr(services, "queue_event_processing", lambda pk: None)
    data = dossier_event_validate(copy.deepcopy(EXAMPLE_EVENT))
    first = services.dossier_event_ingest(data=data, body_sha256="first")
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            repeat = services.dossier_event_ingest(data=data, body_sha256="second")
        Citizen.objects.create(ref="after-the-repeat")
    assert not repeat.created and repeat.event.pk == first.event.pk and repeat.event.body_sha256 == "first"
    assert not any("SAVEPOINT" in query["sql"].upper() for query in queries.captured_queries)
    assert DossierEvent.objects.count() == 1 and Citizen.objects.filter(ref="after-the-repeat").exists()
