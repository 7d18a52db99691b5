"""The only way a message changes status: a compare-and-set, and a history row when it wins.

`UPDATE ... WHERE id = %s AND status = <expected>` is atomic in every database: of two
workers holding the same message id, exactly one moves it on. The loser sees 0 rows and
leaves the message alone. The history row is written in the same transaction, so the log
never shows a status the message did not have.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.messages.models import Message, MessageStatusChange

Status = Message.Status


def message_transition(
    *, message_id: int, from_status: Status, to_status: Status, detail: str = "", **updates
) -> bool:
    """Move the message from `from_status` to `to_status` (with `updates`); False if it was not in `from_status`."""
    with transaction.atomic():
        moved = Message.objects.filter(pk=message_id, status=from_status).update(
            status=to_status, updated_at=timezone.now(), **updates
        )
        if moved:
            MessageStatusChange.objects.create(
                message_id=message_id, from_status=from_status, to_status=to_status, detail=detail[:2000]
            )
    return bool(moved)


def message_record_created(*, message: Message, detail: str = "") -> None:
    """The first history row of a message just inserted (inside the creator's transaction)."""
    MessageStatusChange.objects.create(message=message, from_status="", to_status=message.status, detail=detail)
