"""Serialized traversal answers, cached per content generation: a warm request or a 304 is
one small query (the generation) and a cache read, whatever the page costs to build.

Key: the generation token (cms/api/generation.py) and the request's absolute URL with its
query parameters sorted (scheme and host are in the answer's `@id`s; the path names the
page, its language and the sub-resource; the query names expand and batching). Value: the
ETag, Last-Modified and the JSON body. The ETag stored is the fingerprint ETag the uncached
path computes from the database (cms/api/caching.py), so a client sees one validator
whichever path answered, and `If-None-Match` is decided without rendering anything.

An entry made for a 304 (validators only, no body) lets the next revalidations stay cheap;
the first plain GET after it builds the body and completes the entry.

Lifetime: until the generation changes (publish, unpublish, move, delete, ... see
cms/api/freshness.py), bounded by `MAX_SECONDS` and by the next moment a public page
expires or a page experiment starts, because those moments passing are changes no signal
announces. Those two moments are one plain SQL statement, asked for every answer built:
building its ORM queries would cost more than running them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from cms.api import generation
from cms.api.caching import REPRESENTATION_VERSION
from cms.experiments.pages.models import ExperimentStatus, PageExperiment

MAX_SECONDS = 300


@dataclass
class Entry:
    etag: str
    last_modified: datetime | None
    body: bytes | None = None


def key_for(request, token: str) -> str:
    query = sorted(request.GET.lists())
    address = request.build_absolute_uri(request.path) + "?" + repr(query)
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"content-api:{REPRESENTATION_VERSION}:{token}:{digest}"


def lookup(request) -> tuple[str, Entry | None]:
    """(the key to store under, the cached entry or None); one query for the generation."""
    key = key_for(request, generation.current())
    return key, cache.get(key)


def _next_moments(now: datetime) -> list[datetime]:
    """The next expiry of a live page and the next start of a running page experiment (each if any)."""
    quote, ops = connection.ops.quote_name, connection.ops
    expire_at, live = (Page._meta.get_field(name) for name in ("expire_at", "live"))
    starts_at, status = (PageExperiment._meta.get_field(name) for name in ("starts_at", "status"))
    sql = (
        f"SELECT MIN({quote(expire_at.column)}) FROM {quote(Page._meta.db_table)}"  # noqa: S608 - names from the models
        f" WHERE {quote(live.column)} = %s AND {quote(expire_at.column)} > %s"
        f" UNION ALL SELECT MIN({quote(starts_at.column)}) FROM {quote(PageExperiment._meta.db_table)}"
        f" WHERE {quote(status.column)} = %s AND {quote(starts_at.column)} > %s"
    )
    moment = ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(sql, [True, moment, str(ExperimentStatus.RUNNING), moment])
        values = [row[0] for row in cursor.fetchall()]
    converters = ops.get_db_converters(expire_at.get_col(Page._meta.db_table))
    found = []
    for value in values:
        for convert in converters:
            value = convert(value, expire_at, connection)
        if value is not None:
            found.append(value)
    return found


def lifetime() -> int:
    """Seconds an entry may live: at most MAX_SECONDS, not past the next expiry, and not past
    the next page experiment's start (from then on its page is answered per view)."""
    now = timezone.now()
    moments = _next_moments(now)
    if not moments:
        return MAX_SECONDS
    return max(1, min(MAX_SECONDS, int((min(moments) - now).total_seconds())))


def store(key: str, entry: Entry) -> None:
    cache.set(key, entry, timeout=lifetime())
