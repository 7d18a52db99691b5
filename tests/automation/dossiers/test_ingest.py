"""Storing an event: one statement for a new one, the stored one back for a repeat, nothing twice.

The HTTP contract is tested through the endpoint (tests/automation/api/test_events.py) and
the race on real PostgreSQL (tests/integration/automation/test_concurrent_events.py); these
tests hold the service to what it costs and what it leaves behind.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import datetime, timezone

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from automation.contacts.models import Citizen
from automation.dossiers import services
from automation.dossiers.event_schema import dossier_event_validate
from automation.dossiers.models import DossierEvent
from automation.dossiers.services import dossier_event_ingest
from tests.automation.example_event import EXAMPLE_EVENT


def validated(**changes) -> tuple[dict, str]:
    event = {**copy.deepcopy(EXAMPLE_EVENT), **changes}
    return dossier_event_validate(event), hashlib.sha256(json.dumps(event).encode()).hexdigest()


@pytest.fixture
def queued(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(services, "queue_event_processing", calls.append)
    return calls


@pytest.mark.django_db
def test_a_new_event_is_one_insert_and_the_row_holds_what_was_validated(rabot, queued, django_capture_on_commit_callbacks):
    data, digest = validated()
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
        result = dossier_event_ingest(data=data, body_sha256=digest)
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == 1 and statements[0].startswith("INSERT") and "ON CONFLICT" in statements[0]
    assert result.created and queued == [result.event.pk]
    stored = DossierEvent.objects.get()
    assert stored.pk == result.event.pk and result.event.status == stored.status == DossierEvent.Status.RECEIVED
    assert stored.payload == data and stored.payload["citizen"]["wijk"] == "rabot-blaisantvest"
    assert stored.occurred_at == datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
    assert stored.received_at is not None and stored.body_sha256 == digest
    assert (stored.citizen_ref, stored.dossier_ref, stored.status_detail, stored.processed_at) == (
        "citizen-42", "OMV-2026-000123", "", None,
    )  # fmt: skip


@pytest.mark.django_db
def test_a_repeat_inside_a_callers_transaction_needs_no_savepoint_and_queues_nothing(
    rabot, queued, django_capture_on_commit_callbacks
):
    data, digest = validated()
    with django_capture_on_commit_callbacks(execute=True):
        first = dossier_event_ingest(data=data, body_sha256=digest)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            repeat = dossier_event_ingest(data=data, body_sha256="another body")
        Citizen.objects.create(ref="after-the-repeat")  # the transaction is still usable
    assert not repeat.created and repeat.event.pk == first.event.pk
    assert repeat.event.body_sha256 == digest  # the first body is kept
    assert not any("SAVEPOINT" in query["sql"].upper() for query in queries.captured_queries)
    assert queued == [first.event.pk]
    assert DossierEvent.objects.count() == 1 and Citizen.objects.filter(ref="after-the-repeat").exists()


@pytest.mark.django_db
def test_a_new_event_in_a_transaction_that_rolls_back_leaves_nothing_and_queues_nothing(
    rabot, queued, django_capture_on_commit_callbacks
):
    data, digest = validated()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            assert dossier_event_ingest(data=data, body_sha256=digest).created
            raise RuntimeError("the caller fails after the insert")
    assert not DossierEvent.objects.exists() and queued == []


@pytest.mark.django_db
def test_another_constraint_failing_is_an_error_not_a_repeat(rabot, queued):
    data, _digest = validated()
    data["source"] = None  # NOT NULL, not the (source, event_id) conflict
    with pytest.raises(IntegrityError):
        dossier_event_ingest(data=data, body_sha256="x")
    assert queued == []
