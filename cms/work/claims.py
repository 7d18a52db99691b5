"""Compare-and-set on a status: of two workers holding the same row, exactly one moves it on.

`UPDATE ... WHERE id = %s AND status = <expected>` is atomic in every database: the loser
sees 0 rows and leaves the row alone. That is what makes a duplicated or re-queued task
harmless, and why work can be queued again by a sweep without asking whether it is
still running. Any model with a `status` field (and, if it has one, an `updated_at`,
which every move refreshes so the sweep can tell stuck rows from busy ones) can use it:

- `compare_and_set`: one row, one UPDATE;
- `compare_and_set_many`: the rows of a queryset still in the expected status are locked
  (`SELECT ... FOR UPDATE`, optionally `SKIP LOCKED` so that two workers claiming
  overlapping sets each take what the other has not) and moved in one UPDATE; the ids
  moved are returned, so a caller can record exactly those;
- `compare_and_set_each`: many rows, each with its own values (a provider's id per
  message); on PostgreSQL one `UPDATE ... FROM (unnest(...)) RETURNING`.

A claim (moving a row to its working status) counts an attempt on the row:
`attempts=NEXT_ATTEMPT`. Attempts live on the row, not in the task, so work queued again
by a sweep counts too. The many-row forms must run inside a transaction (the lock lasts
until it ends); callers that write more in the same transaction open it themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Model, QuerySet
from django.db.models.expressions import Combinable
from django.utils import timezone

NEXT_ATTEMPT = F("attempts") + 1


def compare_and_set(model: type[Model], *, pk: Any, from_status: str, to_status: str, **updates) -> bool:
    """Move one row from `from_status` to `to_status` (with `updates`); False if it was not in `from_status`."""
    return bool(model._default_manager.filter(pk=pk, status=from_status).update(**_with_stamp(model, to_status, updates)))


def compare_and_set_many(
    rows: QuerySet[Model],
    *,
    from_status: str,
    to_status: str,
    skip_locked: bool = False,
    limit: int | None = None,
    **updates,
) -> list[Any]:
    """Move the rows still in `from_status` (the first `limit` by pk); returns the ids moved, in pk order."""
    with transaction.atomic(savepoint=False):  # a caller's transaction needs no savepoint: an error propagates
        locked = (
            rows.filter(status=from_status)
            .select_for_update(skip_locked=skip_locked)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        ids = list(locked[:limit] if limit else locked)
        if ids:
            rows.model._default_manager.filter(pk__in=ids).update(**_with_stamp(rows.model, to_status, updates))
    return ids


def compare_and_set_each(
    model: type[Model], *, values: Mapping[Any, Mapping[str, Any]], from_status: str, to_status: str, **updates
) -> list[Any]:
    """Move each row in `values` still in `from_status`, setting its own values and the common `updates`.

    Every row of `values` names the same fields; `updates` are plain values (no expressions).
    Returns the ids moved, in pk order.
    """
    if not values:
        return []
    if any(isinstance(value, Combinable) for value in updates.values()):
        raise ValueError("compare_and_set_each takes plain values in `updates`, not expressions")
    common = _with_stamp(model, to_status, updates)
    with transaction.atomic(savepoint=False):  # a caller's transaction needs no savepoint: an error propagates
        if connection.vendor == "postgresql":
            return _each_postgresql(model, values, from_status, common)
        return _each_portable(model, values, from_status, common)


def _with_stamp(model: type[Model], to_status: str, updates: dict) -> dict:
    stamped = {"status": to_status, **updates}
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        stamped.setdefault("updated_at", timezone.now())
    return stamped


def _each_postgresql(model, values, from_status, common) -> list[Any]:
    """One UPDATE ... FROM (unnest of one array per column) ... RETURNING, guarded on the status.

    An array per column rather than a VALUES row per id: a chunk of a broadcast is a few
    parameters, not three hundred, to adapt and send.
    """
    meta, quote = model._meta, connection.ops.quote_name
    own = list(next(iter(values.values())))
    fields = [meta.get_field(name) for name in own]
    assignments, params = [], []
    for name, value in common.items():
        field = meta.get_field(name)
        assignments.append(f"{quote(field.column)} = %s")
        params.append(field.get_db_prep_save(value, connection))
    for field in fields:
        assignments.append(f"{quote(field.column)} = v.{quote(field.column)}")
    pk_column = quote(meta.pk.column)
    columns = [f"unnest(%s::{meta.pk.rel_db_type(connection)}[]) AS {pk_column}"]
    params.append(list(values))
    for field in fields:
        columns.append(f"unnest(%s::{field.cast_db_type(connection)}[]) AS {quote(field.column)}")
        params.append([field.get_db_prep_save(own_values[field.name], connection) for own_values in values.values()])
    params.append(meta.get_field("status").get_db_prep_save(from_status, connection))
    sql = (
        f"UPDATE {quote(meta.db_table)} AS m SET {', '.join(assignments)} "
        f"FROM (SELECT {', '.join(columns)}) AS v "
        f"WHERE m.{pk_column} = v.{pk_column} "
        f"AND m.{quote(meta.get_field('status').column)} = %s RETURNING m.{pk_column}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())


def _each_portable(model, values, from_status, common) -> list[Any]:
    manager = model._default_manager
    moved = sorted(
        manager.select_for_update().filter(pk__in=list(values), status=from_status).values_list("pk", flat=True)
    )
    rows = []
    for pk in moved:
        row = model(pk=pk)
        for name, value in {**common, **values[pk]}.items():
            setattr(row, name, value)
        rows.append(row)
    manager.bulk_update(rows, list({**common, **next(iter(values.values()))}), batch_size=500)
    return moved
