"""Read and change the content generation (see cms/api/models.py).

`current()` is one primary-key read per API request, sent as plain SQL because building an
ORM query costs more than running this one (it is most of a cached answer's cost);
`bump()` one UPDATE, run in the caller's
transaction by the freshness receivers (cms/api/freshness.py). The token is random rather
than a counter so a test database, rolled back after each test, never hands a new test an
old test's cached answers.
"""

from __future__ import annotations

import uuid

from django.db import IntegrityError, connection, transaction

from cms.api.models import ContentGeneration

ROW = 1


def _new_token() -> str:
    return uuid.uuid4().hex


def _read() -> str | None:
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = %s", [ROW])  # noqa: S608 - a fixed name
        row = cursor.fetchone()
    return row[0] if row else None


def current() -> str:
    token = _read()
    if token is not None:
        return token
    try:
        with transaction.atomic():
            return ContentGeneration.objects.create(pk=ROW, token=_new_token()).token
    except IntegrityError:  # another request created it first
        return ContentGeneration.objects.values_list("token", flat=True).get(pk=ROW)


def bump() -> None:
    """Retire every cached answer: a page, its place in the tree or what it shows changed."""
    token = _new_token()
    if not ContentGeneration.objects.filter(pk=ROW).update(token=token):
        ContentGeneration.objects.update_or_create(pk=ROW, defaults={"token": token})
