"""Sending one stored message: claim it, check consent again, call the provider, record the outcome.

Modelled on GOV.UK Notify's `send_to_providers`:
0. Waiting (`waiting.py`): an SMS that may not go out now (21:00-08:00, not a crisis
   alert) stays `created` with `not_before` set, unclaimed; the sweep queues it again when
   they end. A letter is not sent one by one: it stays `created` until a print batch
   takes it (`print_batch.py`, `manage.py print_batch`).
1. Claim: `created -> sending` by compare-and-set (`transitions.py`), counting the
   attempt. A message not `created` (already sent, being sent by another worker,
   suppressed) is left alone: this is what makes a duplicated task harmless.
2. Consent first, at the last moment (`refusals.py`): the citizen may have withdrawn
   consent, or the address may have bounced, since the message was created. Then it is
   `suppressed`; so is a newsletter over the frequency cap (`frequency_caps.py`).
3. The provider call happens with no database transaction open, so a slow provider never
   holds a lock or a connection in a transaction. A message `in_doubt` (its worker was
   lost mid-send) is first looked up at the provider: if the provider has it, it is
   recorded as sent, not sent twice.
4. Outcome: `sent` (with the provider's id); a permanent error is `failed`; a retryable
   or throttled one puts the message back to `created` and asks for a retry after a
   backoff (`cms.work.backoff`), until `AUTOMATION_SEND_MAX_ATTEMPTS` attempts, after
   which it is `failed`.
   Attempts are counted on the row, not in the task, so re-queued work counts too.
   Our own rate limit (`RateLimited`) gives the message back without counting an attempt.

Broadcasts go through `batch_sending.py`, which applies the same rules (the same
functions) per chunk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from automation.channels.base import Envelope, SendResult
from automation.channels.errors import ChannelError, PermanentError, RateLimited, RetryableError, ThrottledError
from automation.channels.registry import channel_for
from automation.messages.models import Message
from automation.messages.refusals import messages_refusals
from automation.messages.transitions import message_transition, messages_transition
from automation.messages.waiting import messages_hold_back
from cms.work.backoff import backoff_delay, gives_up
from cms.work.claims import NEXT_ATTEMPT

logger = logging.getLogger(__name__)
Status = Message.Status


@dataclass(frozen=True)
class SendOutcome:
    status: str  # the message's status after this attempt, or "skipped"
    retry_in: float | None = None  # seconds; set when the caller should try again

    SKIPPED = "skipped"
    DEFERRED = "deferred"  # still `created`, waiting for `not_before` (the sweep queues it then)


def retry_delay(*, attempts: int, error: RetryableError | None = None) -> float:
    """Exponential backoff (BACKOFF * 2**(attempts-1), capped), or longer if the provider asked."""
    delay = backoff_delay(
        attempts=attempts, base=settings.AUTOMATION_SEND_RETRY_BACKOFF, cap=settings.AUTOMATION_SEND_RETRY_BACKOFF_MAX
    )
    if isinstance(error, ThrottledError) and error.retry_after:
        delay = max(delay, error.retry_after)
    return float(delay)


def message_send(*, message_id: int) -> SendOutcome:
    if message_id in messages_hold_back(message_ids=[message_id]).waiting:
        return SendOutcome(SendOutcome.DEFERRED)
    if not message_transition(
        message_id=message_id, from_status=Status.CREATED, to_status=Status.SENDING, attempts=NEXT_ATTEMPT
    ):
        return SendOutcome(SendOutcome.SKIPPED)
    message = Message.objects.select_related("citizen").get(pk=message_id)

    refusal = messages_refusals([message]).get(message.pk)
    if refusal:
        message_transition(message_id=message_id, from_status=Status.SENDING, to_status=Status.SUPPRESSED, detail=refusal)
        return SendOutcome(Status.SUPPRESSED)

    try:
        channel = channel_for(message.channel)
        result = found_at_provider(message, channel) if message.in_doubt else None
        if result is None:
            result = channel.send(message_envelope(message))
    except Exception as error:
        return message_send_failed(message, error)

    message_transition(
        message_id=message_id,
        from_status=Status.SENDING,
        to_status=Status.SENT,
        detail=result.note or f"accepted by {result.provider}",
        in_doubt=False,
        provider=result.provider[:100],
        provider_message_id=result.provider_message_id[:200],
        sent_at=timezone.now(),
        last_error="",
    )
    return SendOutcome(Status.SENT)


def message_send_failed(message: Message, error: Exception) -> SendOutcome:
    """Record why the provider call did not work: given back, retried later, or failed."""
    if isinstance(error, RateLimited):
        return messages_give_back([message], error)
    if isinstance(error, PermanentError):
        return message_fail(message, f"permanent: {error}")
    if isinstance(error, RetryableError):
        return message_retry_or_fail(message, error)
    if isinstance(error, ChannelError):  # a channel raising the base class: treat as retryable
        return message_retry_or_fail(message, RetryableError(str(error)))
    # A bug or an unmapped library error: never leave it `sending`.
    logger.error("Unexpected error sending message %s", message.pk, exc_info=error)
    return message_retry_or_fail(message, RetryableError(f"unexpected {type(error).__name__}: {error}"))


def found_at_provider(message: Message, channel) -> SendResult | None:
    """After a lost worker: the provider's record of this message, so it is not sent twice."""
    found = channel.find_sent(message_envelope(message), since=message.created_at)
    if found is None:
        return None
    return SendResult(
        provider=found.provider,
        provider_message_id=found.provider_message_id,
        note=f"found at {found.provider} after a lost worker: not sent again",
    )


def message_envelope(message: Message) -> Envelope:
    return Envelope(
        reference=str(message.reference),
        to=message.recipient,
        subject=message.subject,
        body_text=message.body_text,
        body_html=message.body_html,
        headers=dict(message.headers),
        language=message.language,
    )


def message_fail(message: Message, detail: str) -> SendOutcome:
    message_transition(
        message_id=message.pk, from_status=Status.SENDING, to_status=Status.FAILED, detail=detail, last_error=detail
    )
    return SendOutcome(Status.FAILED)


def message_retry_or_fail(message: Message, error: RetryableError) -> SendOutcome:
    limit = settings.AUTOMATION_SEND_MAX_ATTEMPTS
    if gives_up(attempts=message.attempts, max_attempts=limit):
        return message_fail(message, f"gave up after {message.attempts} attempts: {error}")
    delay = retry_delay(attempts=message.attempts, error=error)
    detail = f"attempt {message.attempts} of {limit} failed, retry in {delay:.0f}s: {error}"
    message_transition(
        message_id=message.pk, from_status=Status.SENDING, to_status=Status.CREATED, detail=detail, last_error=str(error)
    )
    return SendOutcome(Status.CREATED, retry_in=delay)


def messages_give_back(messages: list[Message], error: RateLimited) -> SendOutcome:
    """Our own rate limit was reached before the provider was asked: back to `created`, attempt not counted."""
    delay = float(error.retry_after or 1.0)
    messages_transition(
        messages=[message.pk for message in messages],
        from_status=Status.SENDING,
        to_status=Status.CREATED,
        detail=f"rate limit: {error}; retry in {delay:.1f}s (not an attempt)",
        attempts=F("attempts") - 1,
    )
    return SendOutcome(Status.CREATED, retry_in=delay)
