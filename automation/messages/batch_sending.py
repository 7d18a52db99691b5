"""Sending a chunk of stored messages in one task: the broadcast path (a crisis alert to a whole city).

The rules are those of `sending.message_send`; only the database work is batched, so a
100,000-text alert costs a handful of queries per chunk instead of ten per text:
1. SMS in quiet hours (never crisis alerts) are parked with `not_before`; letters are
   left for the print batch.
2. Claim: the chunk's messages still `created` move to `sending` in one transaction
   (`SELECT ... FOR UPDATE SKIP LOCKED`, then one UPDATE and one history insert). A
   message not `created` any more is skipped: a chunk delivered twice sends nothing twice.
3. Consent, suppression and frequency caps are read for the whole chunk in three queries;
   refused messages become `suppressed` with the reason.
4. Each message goes to its provider (keep-alive HTTP sessions, the provider's rate limit),
   with no transaction open. A message `in_doubt` is looked up at the provider first.
5. Outcomes are recorded every `FLUSH_EVERY` messages: `sending -> sent` for the batch
   still `sending`, in one UPDATE (on PostgreSQL `UPDATE ... FROM (VALUES ...)
   RETURNING`, each row its own provider id) and one history insert. A worker killed mid-chunk leaves
   at most that many accepted-but-unrecorded messages `sending`; the sweep releases them
   as `in_doubt`, and the provider is asked before anything is sent again.
Failures are rare and go one by one through `sending`'s functions: retried with backoff
(returned to the task as groups of ids per delay), permanent, or given back when our own
rate limit is reached (the rest of the chunk is given back with it, not counted).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from automation.channels.base import SendResult
from automation.channels.errors import RateLimited
from automation.channels.kinds import ChannelKind
from automation.channels.registry import channel_for
from automation.contacts.models import ChannelConsent, Suppression
from automation.contacts.selectors import citizen_address
from automation.messages.frequency_caps import over_cap
from automation.messages.models import Message, MessageStatusChange
from automation.messages.quiet_hours import quiet_until
from automation.messages.sending import found_at_provider, message_envelope, message_give_back, message_send_failed

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
    ready = _park_waiting(message_ids, outcome)
    claimed = _claim(ready)
    outcome.skipped += len(ready) - len(claimed)
    messages = list(Message.objects.filter(pk__in=claimed).select_related("citizen").order_by("pk"))
    refusals = chunk_refusals(messages)
    if refusals:
        _move_many(refusals, to_status=Status.SUPPRESSED)
        outcome.suppressed += len(refusals)
    _send_each([m for m in messages if m.pk not in refusals], outcome)
    return outcome


def _park_waiting(message_ids: list[int], outcome: ChunkOutcome) -> list[int]:
    """Ids that may be sent now; SMS in quiet hours get `not_before`, letters wait for their batch."""
    now = timezone.now()
    ready, parked = [], defaultdict(list)
    rows = Message.objects.filter(pk__in=message_ids, status=Status.CREATED).values_list("pk", "channel", "purpose")
    for message_id, channel, purpose in rows:
        if channel == ChannelKind.LETTER:
            outcome.deferred += 1
            continue
        until = quiet_until(now=now, channel=channel, purpose=purpose)
        if until is None:
            ready.append(message_id)
        else:
            parked[until].append(message_id)
    for until, ids in parked.items():
        outcome.deferred += Message.objects.filter(pk__in=ids, status=Status.CREATED).update(
            not_before=until, updated_at=now
        )
    outcome.skipped += len(set(message_ids)) - len(rows)
    return sorted(ready)


def _claim(message_ids: list[int]) -> list[int]:
    if not message_ids:
        return []
    with transaction.atomic():
        claimed = list(
            Message.objects.select_for_update(skip_locked=True)
            .filter(pk__in=message_ids, status=Status.CREATED)
            .values_list("pk", flat=True)
        )
        if claimed:
            Message.objects.filter(pk__in=claimed).update(
                status=Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
            )
            MessageStatusChange.objects.bulk_create(
                MessageStatusChange(message_id=pk, from_status=Status.CREATED, to_status=Status.SENDING) for pk in claimed
            )
    return claimed


def chunk_refusals(messages: list[Message]) -> dict[int, str]:
    """Why each refused message may not go out, read for the whole chunk at once.

    The rule is `contacts.selectors.citizen_can_receive` (an address, an explicit yes for
    e-mail and SMS, no "no" for a letter, not suppressed) plus the frequency cap. A
    letter goes to the address it was made with (the citizen's, else the dossier's).
    """
    citizen_ids = {m.citizen_id for m in messages if m.citizen_id}
    consents = {
        (citizen_id, channel): granted
        for citizen_id, channel, granted in ChannelConsent.objects.filter(citizen_id__in=citizen_ids).values_list(
            "citizen_id", "channel", "granted"
        )
    }
    addresses = {}
    for message in messages:
        if message.channel == ChannelKind.LETTER:
            addresses[message.pk] = message.recipient.strip()
        elif message.citizen is not None:
            addresses[message.pk] = citizen_address(citizen=message.citizen, channel=message.channel)
    wanted = {a for a in addresses.values() if a} | {m.recipient for m in messages}
    suppressed = set(Suppression.objects.filter(address__in=wanted).values_list("channel", "address"))
    refusals = {}
    for message in messages:
        if message.citizen is None:
            refusals[message.pk] = "the citizen no longer exists"
            continue
        answer = consents.get((message.citizen_id, message.channel))
        allowed = answer is not False if message.channel == ChannelKind.LETTER else answer is True
        if not addresses.get(message.pk) or not allowed:
            refusals[message.pk] = f"no {message.channel} consent or address any more"
        elif {(message.channel, addresses[message.pk]), (message.channel, message.recipient)} & suppressed:
            refusals[message.pk] = "the address is on the suppression list"
    refusals.update(over_cap([m for m in messages if m.pk not in refusals]))
    return refusals


def _send_each(messages: list[Message], outcome: ChunkOutcome) -> None:
    accepted: list[tuple[Message, SendResult]] = []
    for index, message in enumerate(messages):
        try:
            channel = channel_for(message.channel)
            result = found_at_provider(message, channel) if message.in_doubt else None
            if result is None:
                result = channel.send(message_envelope(message))
        except RateLimited as error:
            _record_sent(accepted, outcome)
            accepted = []
            for rest in messages[index:]:  # none of these was offered to a provider
                given_back = message_give_back(rest, error)
                outcome.add_retry(given_back.retry_in, rest.pk)
            return
        except Exception as error:
            failed = message_send_failed(message, error)
            if failed.retry_in is not None:
                outcome.add_retry(failed.retry_in, message.pk)
            elif failed.status == Status.FAILED:
                outcome.failed += 1
            continue
        accepted.append((message, result))
        if len(accepted) >= FLUSH_EVERY:
            _record_sent(accepted, outcome)
            accepted = []
    _record_sent(accepted, outcome)


def _record_sent(accepted: list[tuple[Message, SendResult]], outcome: ChunkOutcome) -> None:
    """`sending -> sent` for the accepted messages still `sending`, with their provider ids, and history."""
    if not accepted:
        return
    now = timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            moved = _mark_sent_postgresql(accepted, now)
        else:
            moved = _mark_sent_portable(accepted, now)
        MessageStatusChange.objects.bulk_create(
            MessageStatusChange(
                message_id=message.pk,
                from_status=Status.SENDING,
                to_status=Status.SENT,
                detail=(result.note or f"accepted by {result.provider}")[:2000],
            )
            for message, result in accepted
            if message.pk in moved  # else the sweep took it back meanwhile: the row's new owner decides
        )
    outcome.sent += len(moved)


def _mark_sent_postgresql(accepted, now) -> set[int]:
    """One UPDATE ... FROM (VALUES ...) ... RETURNING: each row its own provider id, guarded on `sending`."""
    table = connection.ops.quote_name(Message._meta.db_table)
    rows = ", ".join(["(%s, %s, %s)"] * len(accepted))
    params = [now, now]
    for message, result in accepted:
        params += [message.pk, result.provider[:100], result.provider_message_id[:200]]
    params.append(Status.SENDING.value)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS m SET status = 'sent', updated_at = %s, sent_at = %s, provider = v.provider, "
            f"provider_message_id = v.provider_message_id, in_doubt = false, last_error = '' "
            f"FROM (VALUES {rows}) AS v(id, provider, provider_message_id) "
            f"WHERE m.id = v.id::bigint AND m.status = %s RETURNING m.id",
            params,
        )
        return {row[0] for row in cursor.fetchall()}


def _mark_sent_portable(accepted, now) -> set[int]:
    moved = set(
        Message.objects.select_for_update()
        .filter(pk__in=[m.pk for m, _r in accepted], status=Status.SENDING)
        .values_list("pk", flat=True)
    )
    rows = []
    for message, result in accepted:
        if message.pk in moved:
            message.status, message.updated_at, message.sent_at = Status.SENT, now, now
            message.provider, message.provider_message_id = result.provider[:100], result.provider_message_id[:200]
            message.in_doubt, message.last_error = False, ""
            rows.append(message)
    fields = ["status", "updated_at", "sent_at", "provider", "provider_message_id", "in_doubt", "last_error"]
    Message.objects.bulk_update(rows, fields, batch_size=500)
    return moved


def _move_many(details: dict[int, str], *, to_status: Status) -> None:
    """`sending -> to_status` for these ids, each with its own history detail."""
    with transaction.atomic():
        moved = set(
            Message.objects.select_for_update()
            .filter(pk__in=list(details), status=Status.SENDING)
            .values_list("pk", flat=True)
        )
        Message.objects.filter(pk__in=moved).update(status=to_status, updated_at=timezone.now())
        MessageStatusChange.objects.bulk_create(
            MessageStatusChange(message_id=pk, from_status=Status.SENDING, to_status=to_status, detail=details[pk][:2000])
            for pk in sorted(moved)
        )
