"""Making one message per citizen of a whole audience in the database: a broadcast's fast path.

A crisis alert by SMS to 100,000 people used to build 100,000 `Message` objects in Python
and send them back as parameters of a bulk insert; building them cost the fan-out as much
processor time as the workers needed to send them. On the channels where every citizen of
one language gets the same message but for the address (`creation.ADDRESSED_ONLY`), the
message is built once per language by `message_build`, the one place that frames a
message, and copied in a single `INSERT ... SELECT` over the audience's query, which the
consent rule of `contacts.selectors` already expresses in SQL:

- the citizen and the address come from the audience row (`reachable_address`), the
  reference is drawn per row, and the fields that differ between languages are chosen by
  the citizen's language (`CASE`), the source language for any other;
- `ON CONFLICT DO NOTHING` leaves a message that already exists alone (the unique
  constraint per alert, citizen and channel), so a fan-out run again makes only what is
  missing;
- each new message's first history row is written by the same statement.

PostgreSQL only (data-modifying `WITH`); elsewhere callers build messages one by one.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.messages.models import Message
from automation.messages.transitions import history_table_sql

#: Filled from the audience row, not from the copied message.
_PER_ROW = {"citizen": "c.citizen_id", "recipient": "c.address", "reference": "gen_random_uuid()"}


def messages_insert_for_audience(
    *, reachable: QuerySet[Citizen], prototypes: Mapping[str, Message], fallback: str
) -> list[int]:
    """Insert a copy of `prototypes[language]` for each citizen of `reachable`; returns the new ids, in order.

    `reachable`: `contacts.selectors.citizens_reachable_on` for the message's channel (each
    citizen annotated with `reachable_address`). `prototypes`: the unsaved message per
    language; a citizen whose language has none gets the `fallback` language's, and is left
    out when that is missing too (the template has no words for them).
    """
    if not prototypes:
        return []
    quote = connection.ops.quote_name
    rows_sql, rows_params = reachable.values_list("pk", "language", "reachable_address").query.sql_with_params()
    languages = list(prototypes)
    default = prototypes.get(fallback)
    columns, selected, select_params = [], [], []
    for field in Message._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(quote(field.column))
        if field.name in _PER_ROW:
            selected.append(_PER_ROW[field.name])
            continue
        values = {language: field.pre_save(prototype, add=True) for language, prototype in prototypes.items()}
        if default is not None:
            values[""] = field.pre_save(default, add=True)  # "" stands for every other language
        prepared = {language: field.get_db_prep_save(value, connection) for language, value in values.items()}
        if all(value == values[languages[0]] for value in values.values()):
            selected.append("%s")
            select_params.append(prepared[languages[0]])
            continue
        selected.append(f"CASE c.language {' '.join('WHEN %s THEN %s' for _language in languages)} ELSE %s END")
        for language in languages:
            select_params += [language, prepared[language]]
        select_params.append(prepared.get(""))
    where, where_params = "", []
    if default is None:
        where, where_params = f" WHERE c.language IN ({', '.join(['%s'] * len(languages))})", languages
    sql = (
        f"WITH new AS (INSERT INTO {quote(Message._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(selected)} FROM ({rows_sql}) AS c(citizen_id, language, address){where} "
        f"ON CONFLICT DO NOTHING RETURNING {quote(Message._meta.pk.column)} AS id, {quote('status')} AS status), "
        f"logged AS (INSERT INTO {history_table_sql()} SELECT id, '', status, %s, '' FROM new) "
        "SELECT id FROM new ORDER BY id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*select_params, *rows_params, *where_params, timezone.now()])
        return [row[0] for row in cursor.fetchall()]
