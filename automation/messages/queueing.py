"""Handing stored messages to the send tasks, by name, on the queue their purpose calls for.

Called after the transaction that created the messages has committed (persist first,
then queue ids): a worker can never pick up an id whose row it cannot see.

A few messages get a task each (they spread over the workers at once). Many (a crisis
alert, a digest) go in chunks of `SEND_CHUNK` ids per task: one task then claims, checks
and records a whole chunk with a handful of queries (`batch_sending.py`), which is what
lets a broadcast run at the provider's pace instead of the database's.

The tasks are named, not imported (`cms.work.enqueue`): the task module imports the
sending services, and this module is one of them.
"""

from __future__ import annotations

from automation.messages.models import Message
from automation.queues import queue_for_purpose
from cms.work.enqueue import enqueue

SEND_CHUNK = 100
CHUNK_FROM = 20  # below this many messages of one purpose, one task per message
SEND_MESSAGE = "automation.send_message"
SEND_MESSAGE_CHUNK = "automation.send_message_chunk"


def messages_queue(*, message_ids: list[int]) -> None:
    by_purpose: dict[str, list[int]] = {}
    rows = Message.objects.filter(pk__in=message_ids, status=Message.Status.CREATED).values_list("purpose", "pk")
    for purpose, pk in rows.order_by("pk"):
        by_purpose.setdefault(purpose, []).append(pk)
    for purpose, ids in by_purpose.items():
        queue = queue_for_purpose(purpose)
        if len(ids) < CHUNK_FROM:
            for message_id in ids:
                enqueue(SEND_MESSAGE, message_id, queue=queue)
            continue
        for start in range(0, len(ids), SEND_CHUNK):
            enqueue(SEND_MESSAGE_CHUNK, ids[start : start + SEND_CHUNK], queue=queue)


def message_chunk_queue_later(*, message_ids: list[int], countdown: float) -> None:
    """Queue a chunk again after `countdown` seconds (its retries), on its purpose's queue."""
    purpose = Message.objects.filter(pk=message_ids[0]).values_list("purpose", flat=True).first() or "service"
    enqueue(SEND_MESSAGE_CHUNK, message_ids, queue=queue_for_purpose(purpose), countdown=countdown)
