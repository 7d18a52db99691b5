"""Sending a chunk of stored messages in one task: the broadcast path (a crisis alert to a whole city).

The rules are those of `sending.message_send`, through the same functions; only the
database work is batched, so a 100,000-text alert costs a handful of queries per chunk
instead of ten per text:
1. SMS in quiet hours (never crisis alerts) are parked with `not_before`; letters are
   left for the print batch (`waiting.py`).
2. Claim: the chunk's messages still `created` move to `sending` in one transaction
   (`transitions.py`: `SELECT ... FOR UPDATE SKIP LOCKED`, then one UPDATE and one history
   insert). A message not `created` any more is skipped: a chunk delivered twice sends
   nothing twice.
3. Consent, suppression and frequency caps are read for the whole chunk in three queries
   (`refusals.py`); refused messages become `suppressed` with the reason.
4. Each message goes to its provider (keep-alive HTTP sessions, the provider's rate limit),
   with no transaction open, `AUTOMATION_SEND_CONCURRENCY` calls at a time
   (`provider_calls.py`: a real provider's answer takes far longer than our work on it).
   A message `in_doubt` is looked up at the provider first.
5. Outcomes are recorded every `FLUSH_EVERY` messages: `sending -> sent` for the batch
   still `sending`, in one UPDATE (on PostgreSQL `UPDATE ... FROM (unnest(...))
   RETURNING`, each row its own provider id) and one history insert; voice calls as soon
   as their round of calls is answered (a call's outcome may be called back within
   seconds, and must find the message `sent`). A worker killed mid-chunk leaves at most
   that many (plus one round) accepted-but-unrecorded messages `sending`; the sweep
   releases them as `in_doubt`, and the provider is asked before anything is sent again.
Failures are rare and go one by one through `sending`'s functions: retried with backoff
(returned to the task as groups of ids per delay), permanent, or given back when our own
rate limit is reached (the rest of the chunk is given back with it, not counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django.utils import timezone

from automation.channels.base import SendResult
from automation.channels.errors import RateLimited
from automation.channels.kinds import ChannelKind
from automation.channels.registry import channel_for
from automation.messages.models import Message
from automation.messages.provider_calls import provider_answers, send_concurrency
from automation.messages.refusals import messages_refusals
from automation.messages.sending import found_at_provider, message_envelope, message_send_failed, messages_give_back
from automation.messages.transitions import messages_transition
from automation.messages.waiting import messages_hold_back
from cms.work.claims import NEXT_ATTEMPT

Status = Message.Status
FLUSH_EVERY = 50


@dataclass
class ChunkOutcome:
    sent: int = 0
    suppressed: int = 0
    failed: int = 0
    deferred: int = 0
    skipped: int = 0
    retry: dict[float, list[int]] = field(default_factory=dict)  # seconds -> ids to send again then

    def add_retry(self, delay: float, message_id: int) -> None:
        self.retry.setdefault(delay, []).append(message_id)


def messages_send_chunk(*, message_ids: list[int]) -> ChunkOutcome:
    outcome = ChunkOutcome()
    held = messages_hold_back(message_ids=message_ids)
    outcome.deferred += len(held.waiting)
    outcome.skipped += held.absent
    claimed = messages_transition(
        messages=held.ready, from_status=Status.CREATED, to_status=Status.SENDING, skip_locked=True, attempts=NEXT_ATTEMPT
    )
    outcome.skipped += len(held.ready) - len(claimed)
    messages = list(Message.objects.filter(pk__in=claimed).select_related("citizen").order_by("pk"))
    refusals = messages_refusals(messages)
    if refusals:
        messages_transition(messages=list(refusals), from_status=Status.SENDING, to_status=Status.SUPPRESSED, detail=refusals)
        outcome.suppressed += len(refusals)
    _send_each([m for m in messages if m.pk not in refusals], outcome)
    return outcome


def _send_each(messages: list[Message], outcome: ChunkOutcome) -> None:
    """Offer the messages to their providers `send_concurrency()` at a time, recording as they come back."""
    accepted: list[tuple[Message, SendResult]] = []
    window = send_concurrency()
    for start in range(0, len(messages), window):
        offered = messages[start : start + window]
        limited: list[Message] = []
        first_limit: RateLimited | None = None
        for message, answer in zip(offered, provider_answers([partial(_offer, message) for message in offered])):
            if isinstance(answer, RateLimited):  # our own limit: this one was not offered to a provider
                limited.append(message)
                first_limit = first_limit or answer
            elif isinstance(answer, Exception):
                failed = message_send_failed(message, answer)
                if failed.retry_in is not None:
                    outcome.add_retry(failed.retry_in, message.pk)
                elif failed.status == Status.FAILED:
                    outcome.failed += 1
            else:
                accepted.append((message, answer))
        if first_limit is not None:
            _record_sent(accepted, outcome)
            rest = limited + messages[start + window :]  # none of these was offered to a provider
            given_back = messages_give_back(rest, first_limit)
            outcome.retry.setdefault(given_back.retry_in, []).extend(m.pk for m in rest)
            return
        if len(accepted) >= FLUSH_EVERY or any(message.channel == ChannelKind.VOICE for message in offered):
            _record_sent(accepted, outcome)
            accepted = []
    _record_sent(accepted, outcome)


def _offer(message: Message) -> SendResult:
    """The provider's answer for one message (in a provider-call thread: no database here)."""
    channel = channel_for(message.channel)
    result = found_at_provider(message, channel) if message.in_doubt else None
    return result if result is not None else channel.send(message_envelope(message))


def _record_sent(accepted: list[tuple[Message, SendResult]], outcome: ChunkOutcome) -> None:
    """`sending -> sent` for the accepted messages still `sending`, each with its provider id and history.

    A message no longer `sending` was taken back by the sweep meanwhile: its new owner decides.
    """
    if not accepted:
        return
    now = timezone.now()
    moved = messages_transition(
        messages=[message.pk for message, _result in accepted],
        from_status=Status.SENDING,
        to_status=Status.SENT,
        detail={message.pk: result.note or f"accepted by {result.provider}" for message, result in accepted},
        values={
            message.pk: {"provider": result.provider[:100], "provider_message_id": result.provider_message_id[:200]}
            for message, result in accepted
        },
        sent_at=now,
        in_doubt=False,
        last_error="",
    )
    outcome.sent += len(moved)
