"""The only way a message changes status: a compare-and-set, and one history row per message it moved.

One path for one message or many. A single send moves its message with one
`UPDATE ... WHERE id = %s AND status = <expected>` (`cms.work.claims`): of two workers
holding the same id, exactly one moves it on, and the loser leaves it alone. A chunk of a
broadcast or a print batch moves many at once: the rows still in the expected status are
locked (`SKIP LOCKED` for a claim, so two workers claiming overlapping chunks each take
what the other has not), moved in one UPDATE, and only those get a history row; a
provider's id per message goes in one `UPDATE ... FROM (unnest(...)) RETURNING` on
PostgreSQL. The history rows are written in the same transaction as the move, so the log
never shows a status the message did not have.

Callers count an attempt when they claim (`attempts=NEXT_ATTEMPT`), give detail per
message or one for all, and set other fields with the move (`provider=...`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from automation.messages.models import Message, MessageStatusChange
from cms.work.claims import compare_and_set, compare_and_set_each, compare_and_set_many

Status = Message.Status
DETAIL_MAX = 2000


def messages_transition(
    *,
    messages: Iterable[int] | QuerySet[Message],
    from_status: Status,
    to_status: Status,
    detail: str | Mapping[int, str] = "",
    values: Mapping[int, Mapping[str, Any]] | None = None,
    skip_locked: bool = False,
    limit: int | None = None,
    **updates,
) -> list[int]:
    """Move the messages still in `from_status` to `to_status`; returns the ids moved, in id order.

    `messages`: ids, or a queryset to choose from (the first `limit` by id).
    `detail`: the history text, one for all or per id. `values`: fields per id (every id
    the same fields), set with the common `updates`.
    """
    ids = None if isinstance(messages, QuerySet) else sorted(set(messages))
    if ids == []:
        return []
    with transaction.atomic(savepoint=False):  # a caller's transaction needs no savepoint: an error propagates
        if values:
            chosen = set(ids or ())
            moved = compare_and_set_each(
                Message,
                values={pk: own for pk, own in values.items() if pk in chosen},
                from_status=from_status,
                to_status=to_status,
                **updates,
            )
        elif ids is not None and len(ids) == 1 and not (skip_locked or limit):
            # One message (a single send): one UPDATE guarded on the status, no lock needed.
            moved = ids if compare_and_set(Message, pk=ids[0], from_status=from_status, to_status=to_status, **updates) else []
        else:
            rows = messages if ids is None else Message.objects.filter(pk__in=ids)
            moved = compare_and_set_many(
                rows, from_status=from_status, to_status=to_status, skip_locked=skip_locked, limit=limit, **updates
            )
        if moved:
            _history_write(
                moved,
                from_status=from_status,
                to_status=to_status,
                details=[(detail if isinstance(detail, str) else detail.get(pk, ""))[:DETAIL_MAX] for pk in moved],
            )
    return moved


def message_transition(
    *, message_id: int, from_status: Status, to_status: Status, detail: str = "", **updates
) -> bool:
    """Move one message (`messages_transition` with a list of one); False if it was not in `from_status`."""
    return bool(
        messages_transition(messages=[message_id], from_status=from_status, to_status=to_status, detail=detail, **updates)
    )


def messages_record_created(*, messages: Iterable[Message], detail: str = "") -> None:
    """The first history row of messages just inserted (inside the creator's transaction)."""
    by_status: dict[str, list[int]] = {}
    for message in messages:
        by_status.setdefault(message.status, []).append(message.pk)
    for status, ids in by_status.items():
        _history_write(ids, from_status="", to_status=status, details=[detail] * len(ids))


def history_table_sql() -> str:
    """`table (message, from_status, to_status, at, detail)`: where SQL that moves or makes
    messages writes their history rows, in that column order."""
    meta, quote = MessageStatusChange._meta, connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in ("message", "from_status", "to_status", "at", "detail"))
    return f"{quote(meta.db_table)} ({columns})"


def _history_write(ids: list[int], *, from_status: str, to_status: str, details: list[str]) -> None:
    """One history row per id. On PostgreSQL one INSERT of two arrays: a broadcast writes a
    row per text three times over, and building a model object for each cost as much as the
    insert itself."""
    if connection.vendor != "postgresql":
        MessageStatusChange.objects.bulk_create(
            MessageStatusChange(message_id=pk, from_status=from_status, to_status=to_status, detail=text)
            for pk, text in zip(ids, details)
        )
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {history_table_sql()} SELECT unnest(%s::bigint[]), %s, %s, %s, unnest(%s::text[])",
            [list(ids), from_status, to_status, timezone.now(), list(details)],
        )


def messages_history_details_erase(*, message_ids: Iterable[int]) -> None:
    """Blank the history texts of these messages (a citizen erased: they may name an address)."""
    MessageStatusChange.objects.filter(message_id__in=list(message_ids)).update(detail="")

