"""Turning a confirmed crisis alert into one stored message per subscriber and channel.

The audience is `audience.crisis_audience_citizens` (the same the compose form counts),
reached on each channel by the one rule of `contacts.selectors`. It is walked in chunks
by primary key, so memory stays flat however large the audience. Per chunk and channel:
- on PostgreSQL, for SMS, calls and letters (`creation.ADDRESSED_ONLY`), one statement
  copies the message built once per language to every reachable citizen of the chunk,
  with its first history row (`messages/audience_insert.py`): no message is built in
  Python, so the fan-out no longer costs as much processor time as the sending;
- otherwise (e-mail, whose links and headers are each citizen's own, or another
  database), one query for who may be reached, one for messages already made, one bulk
  insert of messages and one of their history; texts are rendered once per channel and
  language, not per citizen.
Either way a re-run after a crash makes only the missing messages (the unique constraint
on (alert, citizen, channel) backs that up). The new ids are queued on the `crisis`
queue after the chunk commits, as send tasks of a hundred ids each
(`messages/queueing.py`, `messages/batch_sending.py`), so sending starts with the first
chunk and keeps pace with the provider.
"""

from __future__ import annotations

from functools import partial

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen
from automation.contacts.selectors import citizens_reachable_on
from automation.crisis.audience import crisis_audience_citizens
from automation.crisis.models import CrisisAlert
from automation.languages import fallback_language, supported_languages
from automation.messages.audience_insert import messages_insert_for_audience
from automation.messages.creation import ADDRESSED_ONLY, NoContent, message_build, rendered_for
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from automation.messages.transitions import messages_record_created
from automation.purposes import Purpose

CHUNK = 1000


def crisis_alert_fan_out(*, alert_id: int, chunk_size: int = CHUNK) -> int:
    """Create and queue the alert's messages; returns how many were created by this run."""
    alert = CrisisAlert.objects.select_related("template").get(pk=alert_id)
    if alert.status != CrisisAlert.Status.CONFIRMED:
        return 0
    channels = [ChannelKind(channel) for channel in alert.channels]
    rendered_cache: dict = {}
    copied = [channel for channel in channels if channel in ADDRESSED_ONLY and connection.vendor == "postgresql"]
    prototypes = {channel: _prototypes(alert, channel, rendered_cache) for channel in copied}
    built = [channel for channel in channels if channel not in copied]
    audience = crisis_audience_citizens(wijk_ids=list(alert.wijken.values_list("pk", flat=True)))
    created_total, last_pk = 0, 0
    while True:
        ids = list(audience.filter(pk__gt=last_pk).values_list("pk", flat=True)[:chunk_size])
        if not ids:
            break
        chunk = Citizen.objects.filter(pk__in=ids)  # the ids, not the audience's query again: a plan that stays linear
        last_pk = ids[-1]
        with transaction.atomic():
            new_ids = []
            for channel in copied:
                new_ids += messages_insert_for_audience(
                    reachable=citizens_reachable_on(chunk, channel=channel),
                    prototypes=prototypes[channel],
                    fallback=fallback_language(),
                )
            if built:
                new_ids += _built_chunk(alert, chunk, built, rendered_cache)
            if new_ids:
                transaction.on_commit(partial(messages_queue, message_ids=new_ids), robust=True)
        created_total += len(new_ids)
    CrisisAlert.objects.filter(pk=alert.pk, status=CrisisAlert.Status.CONFIRMED).update(
        status=CrisisAlert.Status.FANNED_OUT, fanned_out_at=timezone.now()
    )
    return created_total


def _prototypes(alert, channel, rendered_cache) -> dict[str, Message]:
    """The alert's message on `channel` per site language, built as for any citizen speaking it."""
    found = {}
    for language in supported_languages():
        rendered = _rendered(alert, channel, language, rendered_cache)
        if rendered is not None:
            found[language] = _build(alert, Citizen(language=language), channel, rendered)
    return found


def _built_chunk(alert, chunk, channels, rendered_cache) -> list[int]:
    """The chunk's messages on `channels`, built one by one in Python; returns the new ids."""
    citizens = list(chunk.order_by("pk"))
    reachable = {
        (citizen_id, channel.value)
        for channel in channels
        for citizen_id in citizens_reachable_on(chunk, channel=channel).values_list("pk", flat=True)
    }
    existing = set(
        Message.objects.filter(crisis_alert=alert, citizen__in=citizens).values_list("citizen_id", "channel")
    )
    new = []
    for citizen in citizens:
        for channel in channels:
            key = (citizen.pk, channel.value)
            if key in existing or key not in reachable:
                continue
            rendered = _rendered(alert, channel, citizen.language, rendered_cache)
            if rendered is not None:
                new.append(_build(alert, citizen, channel, rendered))
    created = Message.objects.bulk_create(new)
    messages_record_created(messages=created)
    return [message.pk for message in created]


def _build(alert, citizen, channel, rendered) -> Message:
    return message_build(
        citizen=citizen,
        channel=channel,
        rendered=rendered,
        template=alert.template,
        purpose=Purpose.CRISIS,
        context={},
        crisis_alert=alert,
    )


def _rendered(alert, channel, language, cache):
    key = (channel, language)
    if key not in cache:
        try:
            cache[key] = rendered_for(template=alert.template, channel=channel, language=language, context={})
        except NoContent:
            cache[key] = None
    return cache[key]


def crisis_alert_progress(*, alert: CrisisAlert) -> dict[str, int]:
    """Live progress for the admin: how many of the alert's messages are out, failed or pending."""
    counts = dict(
        Message.objects.filter(crisis_alert=alert)
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    sent = counts.get(Message.Status.SENT, 0) + counts.get(Message.Status.DELIVERED, 0)
    pending = counts.get(Message.Status.CREATED, 0) + counts.get(Message.Status.SENDING, 0)
    return {
        "total": sum(counts.values()),
        "sent": sent,
        "pending": pending,
        "failed": counts.get(Message.Status.FAILED, 0),
        "suppressed": counts.get(Message.Status.SUPPRESSED, 0),
    }
