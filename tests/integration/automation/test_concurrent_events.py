"""The same dossier event delivered by eight truly parallel requests is stored once (real PostgreSQL).

SQLite's test database serialises writers, so the race this guards against (two inserts
of one (source, event_id) in flight together) only happens on a database with concurrent
writers; here each delivery runs in its own thread, connection and transaction, released
together by a barrier. One answer is 202 (new), seven are 200 with the same id.
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
