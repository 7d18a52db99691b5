"""HTTP caching for every answer: validators (ETag, Last-Modified), 304s and Cache-Control.

Two ways to get an ETag:

* `fingerprint_etag` for the traversal endpoints: a hash of the database state the answer
  is made of (the page's live revision and publish time, its tree path, the same for its
  ancestors and the children it lists, and the representation parameters). It is computed
  from a few narrow queries *before* the answer is built, so a 304 skips serialising,
  rich-text expansion and renditions. Publishing gives the page a new live revision,
  unpublishing or moving a child changes the parent's child list, moving changes the path:
  each changes the ETag without any cache to purge.
* `body_etag` for Wagtail API v2 answers: a hash of the rendered body. Always exact, but
  the answer is built before a 304 can be decided, so it saves bandwidth, not work.

ETags are weak (`W/"..."`): the same representation may be sent compressed or not by a
proxy, and weak comparison is what If-None-Match uses anyway.

Cache-Control for anonymous content: `public, max-age=60, stale-while-revalidate=300`. A
CDN or browser may reuse an answer for a minute without asking (so a publish is visible
within a minute everywhere, which the city's editors accept for news), then may serve the
stale copy for five more minutes while it revalidates in the background; revalidation is a
cheap 304 when nothing changed. The traversal answers' content never depends on cookies or
the Accept-Language header (the language is in the path), even where middleware lists
them in Vary.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300"
# Bump when the shape of answers changes, so clients drop representations built by old code.
REPRESENTATION_VERSION = "1"


def _digest(payload: str) -> str:
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


def fingerprint_etag(*parts) -> str:
    """A weak ETag from any JSON-serialisable description of what the answer is made of."""
    payload = json.dumps([REPRESENTATION_VERSION, *parts], default=str, sort_keys=True)
    return f'W/"{_digest(payload)}"'


def body_etag(content: bytes) -> str:
    return f'W/"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def not_modified(request, *, etag: str, last_modified: datetime | None) -> HttpResponse | None:
    """A 304 (with the validators) when the client's copy is current, else None."""
    # HTTP dates have whole seconds: compare in whole seconds or If-Modified-Since never matches.
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is not None:
        decorate(response, etag=etag, last_modified=last_modified)
    return response


def decorate(response: HttpResponse, *, etag: str, last_modified: datetime | None) -> HttpResponse:
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])  # keep DRF's Vary: Accept
    return response
