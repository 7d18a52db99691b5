"""Search answers kept in the shared cache for a minute, until the index changes.

On a crisis day thousands of people type the same few words ("evacuatie", "brand haven")
within minutes. Each search costs the engine a kNN over every page, a keyword search with
its facets and a look-up of the results: on two cores, about eight searches a second,
which left the site's search page and everything queued behind it (the alert the apps
poll) waiting for seconds. One query against one state of the index always has the same
answer, so the answer is kept:

- keyed by the backend, every field of the query, and the index's generation: a random
  token in the shared cache that every write, delete, rebuild and clear of the index
  replaces (`index_changed`), so a page published or removed shows in search as soon as
  its sync has reached the index, not a minute later;
- for at most `SEARCH_ANSWER_SECONDS` (60: what the search API's own Cache-Control lets
  any cache assume), and only when `CACHE_URL` names a cache every process shares, because
  the index is written by workers and read by web processes: with a per-process cache a
  web process would never hear of a worker's write (`SEARCH_ANSWER_SECONDS` is 0 then);
- the visibility rule still runs on every request (the API checks each hit against the
  page kernel), so a page unpublished a moment ago never appears from a kept answer;
- an answer from the fallback (the engine unreachable) is never kept by the caller.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from .query import SearchQuery, SearchResults

PREFIX = "search-answer"


def _generation_key(alias: str) -> str:
    return f"{PREFIX}:generation:{alias}"


def index_changed(alias: str) -> None:
    """The index behind `alias` was written to: every answer kept for it is stale from now on."""
    if _seconds():
        cache.set(_generation_key(alias), uuid.uuid4().hex, None)


def remembered(alias: str, query: SearchQuery, run: Callable[[], SearchResults]) -> SearchResults:
    """The kept answer to `query` on the index behind `alias`, else `run()`'s, kept for the next asker."""
    seconds = _seconds()
    if not seconds:
        return run()
    generation = cache.get(_generation_key(alias))
    if generation is None:  # the first search since the cache started: whoever adds first names it
        cache.add(_generation_key(alias), uuid.uuid4().hex, None)
        generation = cache.get(_generation_key(alias))
    key = f"{PREFIX}:{alias}:{generation}:{hashlib.sha256(repr(query).encode()).hexdigest()}"
    answer = cache.get(key)
    if answer is None:
        answer = run()
        cache.set(key, answer, seconds)
    return answer


def _seconds() -> int:
    return int(getattr(settings, "SEARCH_ANSWER_SECONDS", 0) or 0)
