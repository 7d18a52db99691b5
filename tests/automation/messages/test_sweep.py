"""The messages' sweeper queues again what a lost worker left behind, and nothing that is merely in progress."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.messages.models import Message
from automation.messages.sweep import messages_sweep
from tests.automation.factories import make_citizen, make_message
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.django_db
Status = Message.Status


def age(pk, *, minutes):
    Message.objects.filter(pk=pk).update(updated_at=timezone.now() - timedelta(minutes=minutes))


@pytest.fixture
def queued(monkeypatch):
    calls = record_enqueued(monkeypatch, "automation.send_message")
    return calls


def test_a_message_stuck_in_sending_is_released_and_queued_again(settings, queued):
    settings.AUTOMATION_SENDING_TIMEOUT = 600
    citizen = make_citizen()
    lost = make_message(citizen, status=Status.SENDING)
    busy = make_message(citizen, status=Status.SENDING)
    age(lost.pk, minutes=11)
    age(busy.pk, minutes=2)
    counts = messages_sweep()
    assert counts["sending"] == 1 and [call.args for call in queued] == [(lost.pk,)]
    lost.refresh_from_db()
    busy.refresh_from_db()
    assert lost.status == Status.CREATED and busy.status == Status.SENDING
    assert lost.in_doubt and not busy.in_doubt  # the next attempt asks the provider first
    assert "worker lost" in lost.history.last().detail


def test_a_message_whose_task_was_lost_is_queued_again_on_its_purposes_queue(queued):
    citizen = make_citizen()
    lost = make_message(citizen)
    make_message(citizen, channel="sms")  # just created: its task is surely still on its way
    age(lost.pk, minutes=6)
    assert messages_sweep()["created"] == 1 and [(c.args, c.queue) for c in queued] == [((lost.pk,), "messages")]


def test_a_letter_waits_for_its_print_batch_not_for_the_sweep(queued):
    letter = make_message(make_citizen(), channel="letter")
    age(letter.pk, minutes=60)
    assert messages_sweep() == {"created": 0, "sending": 0} and queued == []


def test_a_sent_or_failed_message_is_never_touched(queued):
    citizen = make_citizen()
    for status in (Status.SENT, Status.FAILED, Status.SUPPRESSED):
        age(make_message(citizen, status=status).pk, minutes=60)
    assert messages_sweep() == {"created": 0, "sending": 0} and queued == []
