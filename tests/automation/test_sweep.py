"""The sweep re-queues what a lost worker left behind, and nothing that is merely in progress."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.dossiers.models import DossierEvent
from automation.messages.models import Message
from automation.messages.tasks import send_message
from automation.sweep import sweep_stuck
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Status = Message.Status


def age(model, pk, *, minutes, field="updated_at"):
    model.objects.filter(pk=pk).update(**{field: timezone.now() - timedelta(minutes=minutes)})


@pytest.fixture
def queued(monkeypatch):
    ids = []
    monkeypatch.setattr(send_message, "apply_async", lambda args, queue: ids.append(args[0]))
    return ids


def test_a_message_stuck_in_sending_is_released_and_queued_again(settings, queued):
    settings.AUTOMATION_SENDING_TIMEOUT = 600
    citizen = make_citizen()
    lost = make_message(citizen, status=Status.SENDING)
    busy = make_message(citizen, status=Status.SENDING)
    age(Message, lost.pk, minutes=11)
    age(Message, busy.pk, minutes=2)
    counts = sweep_stuck()
    assert counts["sending"] == 1 and queued == [lost.pk]
    lost.refresh_from_db()
    busy.refresh_from_db()
    assert lost.status == Status.CREATED and busy.status == Status.SENDING
    assert lost.in_doubt and not busy.in_doubt  # the next attempt asks the provider first
    assert "worker lost" in lost.history.last().detail


def test_a_message_whose_task_was_lost_is_queued_again(queued):
    citizen = make_citizen()
    lost = make_message(citizen)
    make_message(citizen, channel="sms")  # just created: its task is surely still on its way
    age(Message, lost.pk, minutes=6)
    assert sweep_stuck()["created"] == 1 and queued == [lost.pk]


def test_a_sent_or_failed_message_is_never_touched(queued):
    citizen = make_citizen()
    for status in (Status.SENT, Status.FAILED, Status.SUPPRESSED):
        age(Message, make_message(citizen, status=status).pk, minutes=60)
    assert sweep_stuck() == {"created": 0, "sending": 0, "events": 0, "crisis_alerts": 0} and queued == []


def test_an_event_whose_processing_was_lost_is_processed_again(rabot, post_event, event_payload, monkeypatch):
    post_event(event_payload)  # on_commit callbacks not run: processing "lost"
    event = DossierEvent.objects.get()
    age(DossierEvent, event.pk, minutes=10, field="received_at")
    processed = []
    from automation.dossiers import tasks

    monkeypatch.setattr(tasks.process_dossier_event, "apply_async", lambda args, queue: processed.append(args[0]))
    assert sweep_stuck()["events"] == 1 and processed == [event.pk]


def test_a_confirmed_crisis_alert_whose_fan_out_was_lost_is_fanned_out_again(monkeypatch):
    from automation.crisis import tasks
    from automation.crisis.models import CrisisAlert
    from automation.messages.models import MessageTemplate

    alert = CrisisAlert.objects.create(
        title="t", template=MessageTemplate.objects.create(slug="t", name="t"), channels=["sms"], status="confirmed"
    )
    CrisisAlert.objects.filter(pk=alert.pk).update(confirmed_at=timezone.now() - timedelta(minutes=10))
    fanned = []
    monkeypatch.setattr(tasks.fan_out_crisis_alert, "apply_async", lambda args, queue: fanned.append((args[0], queue)))
    assert sweep_stuck()["crisis_alerts"] == 1 and fanned == [(alert.pk, "crisis")]
