"""The send task, run eagerly as in the embedded demo: retries until sent, or until failed."""

from __future__ import annotations

import pytest

from automation.channels.errors import PermanentError, RetryableError
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from automation.messages.tasks import send_message
from tests.cms.work.recording import record_enqueued
from tests.automation.factories import make_citizen, make_message
from tests.automation.messages.test_sending import scripted  # noqa: F401 -- fixture

Status = Message.Status


@pytest.mark.django_db
def test_the_task_retries_a_flaky_provider_and_sends_once(scripted):  # noqa: F811
    scripted.script = [RetryableError("503"), RetryableError("503")]
    message = make_message(make_citizen())
    assert send_message.delay(message.pk).get() == Status.SENT
    message.refresh_from_db()
    assert (message.status, message.attempts, len(scripted.calls)) == (Status.SENT, 3, 3)


@pytest.mark.django_db
def test_the_task_ends_in_failed_when_retries_run_out(scripted):  # noqa: F811
    scripted.script = [RetryableError("503")] * 10
    message = make_message(make_citizen())
    send_message.delay(message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts, len(scripted.calls)) == (Status.FAILED, 3, 3)


@pytest.mark.django_db
def test_the_task_does_not_retry_a_permanent_failure(scripted):  # noqa: F811
    scripted.script = [PermanentError("400")]
    message = make_message(make_citizen())
    assert send_message.delay(message.pk).get() == Status.FAILED
    assert len(scripted.calls) == 1


@pytest.mark.django_db
def test_queueing_puts_each_message_on_its_purposes_queue(monkeypatch):
    citizen = make_citizen()
    service = make_message(citizen)
    crisis = make_message(citizen, channel="sms", purpose="crisis")
    sent_already = make_message(citizen, status=Status.SENT)
    queued = record_enqueued(monkeypatch, "automation.send_message")
    messages_queue(message_ids=[service.pk, crisis.pk, sent_already.pk])
    assert [(call.args, call.queue) for call in queued] == [((service.pk,), "messages"), ((crisis.pk,), "crisis")]


@pytest.mark.django_db
def test_on_a_worker_a_retryable_failure_is_requeued_with_the_backoff_delay(scripted, monkeypatch):  # noqa: F811
    scripted.script = [RetryableError("503")]
    message = make_message(make_citizen())
    requested = {}

    class Requeued(Exception):
        pass

    def fake_retry(*, countdown):
        requested["countdown"] = countdown
        return Requeued()

    monkeypatch.setattr(send_message, "retry", fake_retry)
    send_message.push_request(is_eager=False, retries=0)
    try:
        with pytest.raises(Requeued):
            send_message.run(message.pk)
    finally:
        send_message.pop_request()
    assert requested == {"countdown": 10.0}
    message.refresh_from_db()
    assert message.status == Status.CREATED  # back in line for the retry, not stuck in sending
