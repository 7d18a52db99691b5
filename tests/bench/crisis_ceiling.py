"""The ceiling of a broadcast on this machine: the same texts, the same workers, the same channel, with
none of the steps that make a broadcast exactly-once and lawful.

A chunk task here only reads its messages, asks the provider (`AUTOMATION_SEND_CONCURRENCY`
calls in flight, through the workers' own call pool) and marks the whole chunk sent in one
UPDATE. It leaves out what `automation/messages/batch_sending.py` does besides: the
hold-back (letters, quiet hours), the claim (`created -> sending`, so a chunk delivered twice
sends nothing twice), the consent and suppression checks at the last moment, the record of
each provider id, and the history rows. Never shipped: without them a text can go out twice,
or to a citizen who withdrew consent.

`bench_crisis_alert.py` measures it next to the real broadcast and the raw provider loop, so
one run shows what the bookkeeping costs and how close to the raw loop any send path that
reads and writes the database per chunk gets here. It is an upper bound: its messages exist
before its clock starts, while the broadcast's clock includes the fan-out making them.
Workers load this module with `celery worker --include tests.bench.crisis_ceiling`.
"""

from __future__ import annotations

from functools import partial

from celery import shared_task
from django.db import connection

from automation.channels.registry import channel_for
from automation.crisis.models import CrisisAlert
from automation.messages.models import Message
from automation.messages.provider_calls import provider_answers
from automation.messages.sending import message_envelope

CEILING_TASK = "bench.send_chunk_without_bookkeeping"
COPIED = ["channel", "purpose", "citizen", "recipient", "language", "subject", "body_html", "headers", "template"]


@shared_task(name=CEILING_TASK)
def send_chunk_without_bookkeeping(message_ids: list[int]) -> int:
    messages = list(Message.objects.filter(pk__in=message_ids).select_related("citizen").order_by("pk"))
    answers = provider_answers([partial(_send, message) for message in messages])
    failed = next((answer for answer in answers if isinstance(answer, Exception)), None)
    if failed is not None:  # the benchmark then misses texts and fails: nothing here retries
        raise failed
    return Message.objects.filter(pk__in=[message.pk for message in messages]).update(status=Message.Status.SENT)


def _send(message: Message):
    return channel_for(message.channel).send(message_envelope(message))


def copy_for_ceiling(alert: CrisisAlert, *, suffix: str) -> tuple[CrisisAlert, list[int]]:
    """A copy of the alert's messages, `created`, each text ending in `suffix` (so the fake counts them apart),
    under a new alert that stays a draft (nothing fans it out). One INSERT ... SELECT; the new ids in order."""
    copy = CrisisAlert.objects.create(
        title=f"{alert.title} (ceiling)",
        template=alert.template,
        channels=alert.channels,
        status=CrisisAlert.Status.DRAFT,
    )
    table = connection.ops.quote_name(Message._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(Message._meta.get_field(name).column) for name in COPIED)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (reference, status, body_text, crisis_alert_id, attempts, in_doubt, milestone,"
            f" last_error, provider, provider_message_id, created_at, updated_at, {columns})"
            f" SELECT gen_random_uuid(), %s, body_text || %s, %s, 0, false, '', '', '', '', now(), now(), {columns}"
            f" FROM {table} WHERE crisis_alert_id = %s ORDER BY id RETURNING id",
            [Message.Status.CREATED, suffix, copy.pk, alert.pk],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    return copy, ids
