"""Sending a stored message: claimed once, consent checked last, errors retried or final, history kept."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection

from automation.channels.base import Channel, SendResult
from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from automation.channels.kinds import ChannelKind
from automation.contacts.models import Suppression
from automation.contacts.services import consent_record
from automation.messages.models import Message
from automation.messages.sending import SendOutcome, message_send, retry_delay
from tests.automation.factories import CONSENT_TIME, make_citizen, make_message

Status = Message.Status


class ScriptedChannel(Channel):
    """A channel that fails as scripted, then accepts; remembers every call."""

    kind = ChannelKind.EMAIL
    script: list[Exception] = []
    calls: list[dict] = []

    def send(self, envelope):
        ScriptedChannel.calls.append({"to": envelope.to, "in_transaction": connection.in_atomic_block})
        if ScriptedChannel.script:
            raise ScriptedChannel.script.pop(0)
        return SendResult(provider="scripted", provider_message_id=f"p-{len(ScriptedChannel.calls)}")


@pytest.fixture
def scripted(settings):
    settings.AUTOMATION_CHANNELS = {"email": "tests.automation.messages.test_sending.ScriptedChannel"}
    settings.AUTOMATION_SEND_MAX_ATTEMPTS = 3
    settings.AUTOMATION_SEND_RETRY_BACKOFF = 10
    # The script is taken in the order of the calls: one call at a time keeps that order
    # (calls in flight together: tests/automation/messages/test_provider_calls.py).
    settings.AUTOMATION_SEND_CONCURRENCY = 1
    ScriptedChannel.script, ScriptedChannel.calls = [], []
    return ScriptedChannel


def history(message) -> list[tuple[str, str]]:
    return list(message.history.values_list("from_status", "to_status"))


@pytest.mark.django_db
def test_an_email_is_sent_with_text_html_and_unsubscribe_headers_and_its_history_kept():
    message = make_message(make_citizen())
    assert message_send(message_id=message.pk) == SendOutcome(Status.SENT)
    [email] = mail.outbox
    assert email.to == ["an@example.be"] and email.subject == "Je aanvraag is ontvangen"
    assert email.body.startswith("Dag An")
    assert email.alternatives[0][1] == "text/html"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message.refresh_from_db()
    assert (message.status, message.attempts, message.provider) == (Status.SENT, 1, "locmem")
    assert message.sent_at is not None
    assert history(message) == [("", "created"), ("created", "sending"), ("sending", "sent")]


@pytest.mark.django_db
def test_an_sms_is_sent_through_the_configured_sms_backend(sms_outbox):
    message = make_message(make_citizen(), channel="sms", subject="", body_html="", body_text="Aanvraag ontvangen.")
    assert message_send(message_id=message.pk).status == Status.SENT
    [sms] = sms_outbox
    assert (sms.to, sms.body, sms.reference) == ("+32470123456", "Aanvraag ontvangen.", str(message.reference))
    message.refresh_from_db()
    assert message.provider == "locmem" and message.provider_message_id == "locmem-1"


@pytest.mark.django_db
def test_a_message_is_sent_at_most_once_however_often_its_task_runs():
    message = make_message(make_citizen())
    outcomes = [message_send(message_id=message.pk).status for _ in range(3)]
    assert outcomes == [Status.SENT, SendOutcome.SKIPPED, SendOutcome.SKIPPED]
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_message_another_worker_is_sending_is_left_alone(scripted):
    message = make_message(make_citizen())
    Message.objects.filter(pk=message.pk).update(status=Status.SENDING)
    assert message_send(message_id=message.pk).status == SendOutcome.SKIPPED
    assert scripted.calls == []


@pytest.mark.django_db
def test_consent_withdrawn_after_creation_suppresses_the_message(scripted):
    citizen = make_citizen()
    message = make_message(citizen)
    consent_record(citizen=citizen, channel="email", granted=False, source="unsubscribe", recorded_at=CONSENT_TIME.replace(day=2))
    assert message_send(message_id=message.pk).status == Status.SUPPRESSED
    assert scripted.calls == []
    assert "consent" in message.history.last().detail


@pytest.mark.django_db
def test_an_address_on_the_suppression_list_is_not_sent_to(scripted):
    message = make_message(make_citizen())
    Suppression.objects.create(channel="email", address="an@example.be", reason=Suppression.Reason.COMPLAINT)
    assert message_send(message_id=message.pk).status == Status.SUPPRESSED
    assert scripted.calls == []


@pytest.mark.django_db
def test_a_permanent_error_fails_the_message_without_retry(scripted):
    scripted.script = [PermanentError("invalid address", provider="esp")]
    message = make_message(make_citizen())
    assert message_send(message_id=message.pk) == SendOutcome(Status.FAILED)
    message.refresh_from_db()
    assert message.status == Status.FAILED and "invalid address" in message.last_error
    assert message_send(message_id=message.pk).status == SendOutcome.SKIPPED  # final
    assert len(scripted.calls) == 1


@pytest.mark.django_db
def test_retryable_errors_are_retried_with_growing_backoff_then_sent(scripted):
    scripted.script = [RetryableError("503"), RetryableError("timeout")]
    message = make_message(make_citizen())
    first, second, third = (message_send(message_id=message.pk) for _ in range(3))
    assert (first.status, first.retry_in) == (Status.CREATED, 10.0)
    assert (second.status, second.retry_in) == (Status.CREATED, 20.0)
    assert third == SendOutcome(Status.SENT)
    message.refresh_from_db()
    assert message.attempts == 3 and message.last_error == ""
    assert history(message)[-1] == ("sending", "sent")


@pytest.mark.django_db
def test_retryable_errors_end_in_failed_at_the_attempt_limit(scripted):
    scripted.script = [RetryableError("503")] * 5
    message = make_message(make_citizen())
    outcomes = [message_send(message_id=message.pk) for _ in range(4)]
    assert [outcome.status for outcome in outcomes] == [Status.CREATED, Status.CREATED, Status.FAILED, "skipped"]
    assert outcomes[2].retry_in is None
    message.refresh_from_db()
    assert message.attempts == 3 and "gave up after 3 attempts" in message.last_error
    assert len(scripted.calls) == 3


@pytest.mark.django_db
def test_a_throttled_provider_is_retried_no_sooner_than_it_asked(scripted):
    scripted.script = [ThrottledError("429", retry_after=120)]
    message = make_message(make_citizen())
    assert message_send(message_id=message.pk).retry_in == 120.0


@pytest.mark.django_db
def test_an_unexpected_exception_in_a_channel_never_leaves_the_message_sending(scripted):
    scripted.script = [KeyError("bug")]
    message = make_message(make_citizen())
    assert message_send(message_id=message.pk).status == Status.CREATED
    message.refresh_from_db()
    assert message.status == Status.CREATED and "KeyError" in message.last_error


def test_backoff_is_capped(settings):
    settings.AUTOMATION_SEND_RETRY_BACKOFF = 30
    settings.AUTOMATION_SEND_RETRY_BACKOFF_MAX = 100
    assert [retry_delay(attempts=n) for n in (1, 2, 3, 4)] == [30.0, 60.0, 100.0, 100.0]


@pytest.mark.django_db(transaction=True)
def test_the_provider_is_never_called_inside_a_database_transaction(scripted):
    scripted.script = [RetryableError("503")]
    message = make_message(make_citizen())
    message_send(message_id=message.pk)
    message_send(message_id=message.pk)
    assert [call["in_transaction"] for call in scripted.calls] == [False, False]


class RememberingChannel(ScriptedChannel):
    """A channel whose provider already holds the envelopes listed in `held`."""

    held: set[str] = set()

    def find_sent(self, envelope, *, since):
        if envelope.to in RememberingChannel.held:
            return SendResult(provider="scripted", provider_message_id="p-earlier")
        return None


@pytest.mark.django_db
def test_a_message_in_doubt_that_the_provider_has_is_recorded_not_sent_again(settings, scripted):
    settings.AUTOMATION_CHANNELS = {"email": "tests.automation.messages.test_sending.RememberingChannel"}
    RememberingChannel.held = {"an@example.be"}
    message = make_message(make_citizen(), in_doubt=True)
    assert message_send(message_id=message.pk).status == Status.SENT
    assert scripted.calls == []
    message.refresh_from_db()
    assert (message.provider_message_id, message.in_doubt) == ("p-earlier", False)
    assert message.history.last().detail == "found at scripted after a lost worker: not sent again"


@pytest.mark.django_db
def test_a_message_in_doubt_that_the_provider_lacks_is_sent(settings, scripted):
    settings.AUTOMATION_CHANNELS = {"email": "tests.automation.messages.test_sending.RememberingChannel"}
    RememberingChannel.held = set()
    message = make_message(make_citizen(), in_doubt=True)
    assert message_send(message_id=message.pk).status == Status.SENT
    assert len(scripted.calls) == 1


@pytest.mark.django_db
def test_a_message_not_in_doubt_is_never_looked_up(settings, scripted):
    settings.AUTOMATION_CHANNELS = {"email": "tests.automation.messages.test_sending.RememberingChannel"}
    RememberingChannel.held = {"an@example.be"}
    message = make_message(make_citizen())
    message_send(message_id=message.pk)
    assert len(scripted.calls) == 1  # sent, although a lookup would have "found" it
