"""Handing stored messages to the send task, on the queue their purpose calls for.

Called after the transaction that created the messages has committed (persist first,
then queue ids): a worker can never pick up an id whose row it cannot see.
"""

from __future__ import annotations

from automation.messages.models import Message
from automation.queues import queue_for_purpose


def messages_queue(*, message_ids: list[int]) -> None:
    from automation.messages.tasks import send_message

    rows = Message.objects.filter(pk__in=message_ids, status=Message.Status.CREATED).values_list("pk", "purpose")
    for message_id, purpose in rows.order_by("pk"):
        send_message.apply_async(args=[message_id], queue=queue_for_purpose(purpose))
