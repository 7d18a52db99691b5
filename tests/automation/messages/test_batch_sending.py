"""Sending a chunk of messages: the same rules as one message, each message still sent at most once."""

from __future__ import annotations

import pytest

from automation.channels.errors import PermanentError, RateLimited, RetryableError
from automation.contacts.models import Suppression
from automation.contacts.services import consent_record
from automation.messages.batch_sending import messages_send_chunk
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from automation.messages.tasks import send_message_chunk
from tests.automation.factories import CONSENT_TIME, make_citizen, make_message
from tests.automation.messages.test_sending import scripted  # noqa: F401 -- fixture
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.django_db
Status = Message.Status


def audience(count: int, **fields) -> list[Message]:
    messages = []
    for number in range(count):
        citizen = make_citizen(ref=f"c{number}", email=f"c{number}@example.be")
        messages.append(make_message(citizen, **fields))
    return messages


def statuses(messages) -> list[str]:
    return list(Message.objects.filter(pk__in=[m.pk for m in messages]).order_by("pk").values_list("status", flat=True))


def test_a_chunk_is_sent_once_with_each_message_history_kept(scripted):  # noqa: F811
    messages = audience(5)
    outcome = messages_send_chunk(message_ids=[m.pk for m in messages])
    assert (outcome.sent, outcome.skipped) == (5, 0)
    assert sorted(call["to"] for call in scripted.calls) == [f"c{n}@example.be" for n in range(5)]
    assert statuses(messages) == ["sent"] * 5
    for message in Message.objects.filter(pk__in=[m.pk for m in messages]):
        assert list(message.history.values_list("to_status", flat=True)) == ["created", "sending", "sent"]
        assert (message.attempts, message.provider) == (1, "scripted") and message.sent_at


def test_a_chunk_delivered_twice_sends_nothing_twice(scripted):  # noqa: F811
    messages = audience(3)
    ids = [m.pk for m in messages]
    messages_send_chunk(message_ids=ids)
    again = messages_send_chunk(message_ids=ids)
    assert (again.sent, again.skipped) == (0, 3)
    assert len(scripted.calls) == 3


def test_refused_messages_are_suppressed_with_the_reason_and_the_rest_sent(scripted):  # noqa: F811
    withdrawn, suppressed, fine = audience(3)
    consent_record(
        citizen=withdrawn.citizen, channel="email", granted=False, source="test", recorded_at=CONSENT_TIME.replace(day=2)
    )
    Suppression.objects.create(channel="email", address="c1@example.be", reason=Suppression.Reason.COMPLAINT)
    outcome = messages_send_chunk(message_ids=[withdrawn.pk, suppressed.pk, fine.pk])
    assert (outcome.sent, outcome.suppressed) == (1, 2)
    assert [call["to"] for call in scripted.calls] == ["c2@example.be"]
    assert "consent" in withdrawn.history.last().detail
    assert "suppression list" in suppressed.history.last().detail


def test_failures_in_a_chunk_are_retried_or_final_per_message(scripted):  # noqa: F811
    scripted.script = [RetryableError("503"), PermanentError("400 invalid")]
    flaky, refused, fine = audience(3)
    outcome = messages_send_chunk(message_ids=[flaky.pk, refused.pk, fine.pk])
    assert (outcome.sent, outcome.failed, outcome.retry) == (1, 1, {10.0: [flaky.pk]})
    assert statuses([flaky, refused, fine]) == ["created", "failed", "sent"]


def test_our_rate_limit_gives_the_rest_of_the_chunk_back_without_counting_an_attempt(scripted):  # noqa: F811
    scripted.script = [RateLimited("limit reached", provider="scripted", retry_after=2.0)]  # at the first message
    first, second = audience(2)
    outcome = messages_send_chunk(message_ids=[first.pk, second.pk])
    assert outcome.retry == {2.0: [first.pk, second.pk]} and outcome.sent == 0
    for message in Message.objects.filter(pk__in=[first.pk, second.pk]):
        assert (message.status, message.attempts) == (Status.CREATED, 0)
    assert "not an attempt" in first.history.last().detail
    later = messages_send_chunk(message_ids=[first.pk, second.pk])
    assert later.sent == 2


def test_quiet_hours_park_texts_in_a_chunk_but_not_crisis_texts(settings, sms_outbox):
    settings.AUTOMATION_SMS_QUIET_HOURS = "00:00-23:59"
    citizen = make_citizen()
    service = make_message(citizen, channel="sms", subject="", body_html="")
    crisis = make_message(citizen, channel="sms", subject="", body_html="", purpose="crisis", body_text="Alarm")
    outcome = messages_send_chunk(message_ids=[service.pk, crisis.pk])
    assert (outcome.sent, outcome.deferred) == (1, 1)
    assert [sms.body for sms in sms_outbox] == ["Alarm"]
    service.refresh_from_db()
    assert service.status == Status.CREATED and service.not_before is not None and service.attempts == 0


def test_many_messages_are_queued_in_chunks_and_a_few_one_by_one(monkeypatch):
    citizen = make_citizen()
    crisis = [make_message(citizen, channel="sms", purpose="crisis") for _ in range(250)]
    service = [make_message(citizen) for _ in range(2)]
    chunks = record_enqueued(monkeypatch, "automation.send_message_chunk")
    singles = record_enqueued(monkeypatch, "automation.send_message")
    messages_queue(message_ids=[m.pk for m in crisis + service])
    assert [(len(call.args[0]), call.queue) for call in chunks] == [(100, "crisis"), (100, "crisis"), (50, "crisis")]
    assert [(call.args, call.queue) for call in singles] == [((service[0].pk,), "messages"), ((service[1].pk,), "messages")]


def test_the_chunk_task_run_eagerly_retries_until_sent(scripted):  # noqa: F811
    scripted.script = [RetryableError("503")]
    messages = audience(2)
    result = send_message_chunk.delay([m.pk for m in messages]).get()
    assert result["sent"] == 2 and statuses(messages) == ["sent", "sent"]
