"""The dossier events' sweeper queues again the processing of an event whose task was lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.dossiers.models import DossierEvent
from automation.dossiers.sweep import dossier_events_sweep
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.django_db


def test_an_event_whose_processing_was_lost_is_processed_again(rabot, post_event, event_payload, monkeypatch):
    post_event(event_payload)  # on_commit callbacks not run: processing "lost"
    event = DossierEvent.objects.get()
    processed = record_enqueued(monkeypatch, "automation.process_dossier_event")
    assert dossier_events_sweep() == 0  # just received: its task is surely still on its way
    DossierEvent.objects.filter(pk=event.pk).update(received_at=timezone.now() - timedelta(minutes=10))
    assert dossier_events_sweep() == 1
    assert [(call.args, call.queue) for call in processed] == [((event.pk,), "messages")]
