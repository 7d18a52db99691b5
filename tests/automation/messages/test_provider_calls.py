"""A chunk's provider calls in flight together: each message still sent once, every answer recorded as before."""

from __future__ import annotations

import threading

import pytest

from automation.channels.base import Channel, SendResult
from automation.channels.errors import PermanentError, RateLimited, RetryableError
from automation.channels.kinds import ChannelKind
from automation.messages.batch_sending import messages_send_chunk
from automation.messages.models import Message
from automation.messages.provider_calls import provider_answers
from tests.automation.factories import make_citizen, make_message

Status = Message.Status
IN_FLIGHT = 4


class SlowProvider(Channel):
    """Answers by recipient, and only once IN_FLIGHT calls are waiting at once (a barrier):
    calls made one after the other would time out there and fail the test."""

    kind = ChannelKind.EMAIL
    answers: dict[str, Exception] = {}
    calls: list[str] = []
    together: threading.Barrier

    def send(self, envelope):
        SlowProvider.calls.append(envelope.to)
        SlowProvider.together.wait(timeout=10)
        if envelope.to in SlowProvider.answers:
            raise SlowProvider.answers[envelope.to]
        return SendResult(provider="slow", provider_message_id=f"id-{envelope.to}")


@pytest.fixture
def slow(settings):
    settings.AUTOMATION_CHANNELS = {"email": "tests.automation.messages.test_provider_calls.SlowProvider"}
    settings.AUTOMATION_SEND_CONCURRENCY = IN_FLIGHT
    settings.AUTOMATION_SEND_MAX_ATTEMPTS = 3
    settings.AUTOMATION_SEND_RETRY_BACKOFF = 10
    SlowProvider.answers, SlowProvider.calls = {}, []
    SlowProvider.together = threading.Barrier(IN_FLIGHT)
    return SlowProvider


def audience(count: int) -> list[Message]:
    return [make_message(make_citizen(ref=f"c{n}", email=f"c{n}@example.be")) for n in range(count)]


def test_answers_come_back_in_the_order_of_the_calls_with_the_errors_among_them(settings):
    settings.AUTOMATION_SEND_CONCURRENCY = IN_FLIGHT
    together = threading.Barrier(IN_FLIGHT)

    def call(n):
        together.wait(timeout=10)
        if n == 2:
            raise RetryableError("503")
        return n

    answers = provider_answers([lambda n=n: call(n) for n in range(IN_FLIGHT)])
    assert [answer if not isinstance(answer, Exception) else "error" for answer in answers] == [0, 1, "error", 3]


def test_with_a_concurrency_of_one_the_calls_run_in_the_callers_thread(settings):
    settings.AUTOMATION_SEND_CONCURRENCY = 1
    assert provider_answers([threading.get_ident, threading.get_ident]) == [threading.get_ident()] * 2


@pytest.mark.django_db
def test_a_chunk_in_flight_together_is_sent_once_with_each_answer_recorded(slow):
    slow.answers = {"c1@example.be": RetryableError("503"), "c2@example.be": PermanentError("400 invalid")}
    messages = audience(8)
    outcome = messages_send_chunk(message_ids=[m.pk for m in messages])
    assert (outcome.sent, outcome.failed, outcome.retry) == (6, 1, {10.0: [messages[1].pk]})
    assert sorted(slow.calls) == sorted(f"c{n}@example.be" for n in range(8))  # each offered once
    stored = {m.citizen.email: m for m in Message.objects.filter(pk__in=[m.pk for m in messages]).select_related("citizen")}
    assert (stored["c1@example.be"].status, stored["c2@example.be"].status) == (Status.CREATED, Status.FAILED)
    for n in (0, 3, 4, 5, 6, 7):
        message = stored[f"c{n}@example.be"]
        assert (message.status, message.provider_message_id) == (Status.SENT, f"id-c{n}@example.be")
        assert list(message.history.values_list("to_status", flat=True)) == ["created", "sending", "sent"]


@pytest.mark.django_db
def test_our_rate_limit_in_a_round_gives_back_that_message_and_the_rest_and_keeps_what_was_sent(slow):
    slow.answers = {"c1@example.be": RateLimited("limit reached", provider="slow", retry_after=2.0)}
    messages = audience(6)
    outcome = messages_send_chunk(message_ids=[m.pk for m in messages])
    assert outcome.sent == 3  # c0, c2 and c3 were in flight beside c1 and were accepted
    assert outcome.retry == {2.0: [messages[1].pk, messages[4].pk, messages[5].pk]}
    assert sorted(slow.calls) == [f"c{n}@example.be" for n in range(4)]  # c4 and c5 were never offered
    given_back = Message.objects.filter(pk__in=outcome.retry[2.0])
    assert {(m.status, m.attempts) for m in given_back} == {(Status.CREATED, 0)}
