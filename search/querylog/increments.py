"""Adding to counters that many processes add to at once: one `INSERT ... ON CONFLICT DO UPDATE` per batch.

A daily count row is created by whoever adds to it first and incremented by everyone after,
possibly at the same moment (two folds, two web workers counting a withheld query). A
read-modify-write in Python loses one of two concurrent additions, and "update, else
insert" races on the insert. The database's upsert does both in one statement, atomically
per row, with the unique constraint on the key as the arbiter:

    INSERT INTO t (day, query, language, searches) VALUES (...)
    ON CONFLICT (day, query, language) DO UPDATE SET searches = t.searches + excluded.searches

A batch adds to many rows in one transaction, and each row stays locked until it commits,
so two batches locking the same rows in different orders would deadlock. Rows are
therefore always written in the order of their keys: whoever comes second waits for the
first row it shares, never holds one the first one needs.

PostgreSQL and SQLite (3.24 and later) share this syntax; tests/integration checks it under
concurrency on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection


def counts_add(model, rows: Sequence[Mapping], *, key: Sequence[str], counts: Sequence[str]) -> int:
    """Add each row's `counts` to the row of `model` with the same `key` values (created at 0 if missing).

    `key` must be the fields of a unique constraint of `model`. Returns the number of rows given.
    """
    if not rows:
        return 0
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [model._meta.get_field(name).column for name in (*key, *counts)]
    key_columns = columns[: len(key)]
    count_columns = columns[len(key):]
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in count_columns)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in key_columns)}) DO UPDATE SET {updates}"
    )
    ordered = sorted(rows, key=lambda row: tuple(row[name] for name in key))
    params = [[row[name] for name in (*key, *counts)] for row in ordered]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(rows)
