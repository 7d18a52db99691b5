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
announces.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Min
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


def lifetime() -> int:
    """Seconds an entry may live: at most MAX_SECONDS, not past the next expiry, and not past
    the next page experiment's start (from then on its page is answered per view)."""
    now = timezone.now()
    next_expiry = Page.objects.filter(live=True, expire_at__gt=now).aggregate(soonest=Min("expire_at"))["soonest"]
    next_start = PageExperiment.objects.filter(status=ExperimentStatus.RUNNING, starts_at__gt=now).aggregate(
        soonest=Min("starts_at"))["soonest"]
    moments = [moment for moment in (next_expiry, next_start) if moment is not None]
    if not moments:
        return MAX_SECONDS
    return max(1, min(MAX_SECONDS, int((min(moments) - now).total_seconds())))


def store(key: str, entry: Entry) -> None:
    cache.set(key, entry, timeout=lifetime())
