"""Run a public search on the configured backend, falling back to the local one.

When the configured backend is Elasticsearch and it cannot be reached (no connection, a
timeout, an overloaded cluster: `search.page_sync.backend_unavailable`), a citizen still
gets an answer: the same query runs on the local backend (the index `make demo` and
small sites use), and the answer's metadata says so (`"backend": "local", "fallback":
true, "reason": ...`), so a front end can show "results may be incomplete" and monitoring
can count fallbacks. If the local index is empty or fails too, the answer is empty, still
with that metadata: search being down must not take pages down with it. Any other error
(a bug) is not hidden.

`@search` under a page is scoped to that page's subtree *after retrieval*: the backend
contract has no path filter, so results are fetched page by page (up to the first
`MAX_RESULTS`) and those whose public path starts with the page's path are kept; the
facets of a scoped answer are counted over those kept results.

Nothing unpublished leaks, even from a stale index: the index follows the site through
tasks queued after each commit, so for a moment after an unpublish (or while a worker is
down) it may still hold the page, and an expiry passing or a section above being
unpublished reaches it only with the next sync. Every hit and suggestion is therefore
checked against the page kernel's one visibility rule (cms/core/publishing.py) before it
is shown (one query per answer), and dropped hits leave the total. Facet counts come from
the backend and may count such a page until the sync.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from cms.core.publishing import public_pages
from search.backends import backend_settings, get_backend
from search.backends.base import BaseSearchBackend
from search.backends.local import LocalBackend
from search.documents import FACETS
from search.page_sync import backend_unavailable
from search.query import MAX_PAGE_SIZE, MAX_RESULTS, FacetValue, SearchHit, SearchQuery, Suggestion

logger = logging.getLogger(__name__)

LOCAL_ALIAS = "local"
DEFAULT_LOCAL = {"INDEX": "pages"}


@dataclass
class Outcome:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]]
    metadata: dict


def local_backend() -> BaseSearchBackend:
    """The fallback: SEARCH_BACKENDS["local"] when configured, else the default local index."""
    if LOCAL_ALIAS in backend_settings():
        return get_backend(LOCAL_ALIAS)
    return LocalBackend("local-fallback", DEFAULT_LOCAL)


def _metadata(backend: BaseSearchBackend, *, reason: str = "") -> dict:
    described = backend.describe()
    metadata = {"backend": described.get("kind", backend.kind), "alias": described.get("alias"),
                "embedder": described.get("embedder"), "fallback": bool(reason)}
    if reason:
        metadata["reason"] = reason
    return metadata


def with_fallback(action, empty):
    """`action(backend)` on the configured backend, else on the local one; returns (value, metadata)."""
    backend = get_backend()
    try:
        return action(backend), _metadata(backend)
    except Exception as error:  # noqa: BLE001 - only outages fall back, anything else is re-raised
        if backend.kind == LocalBackend.kind or not backend_unavailable(error):
            raise
        reason = f"{backend.kind} backend unreachable ({type(error).__name__})"
        logger.warning("public search falls back to the local backend: %s", error)
    local = local_backend()
    try:
        return action(local), _metadata(local, reason=reason)
    except Exception:  # noqa: BLE001 - an answer without results beats a failed page
        logger.exception("local search fallback failed too")
        return empty, _metadata(local, reason=reason + "; local index unavailable")


def _no_facets(query: SearchQuery) -> dict[str, list[FacetValue]]:
    return {facet: [FacetValue(value, 0, True) for value in query.selections.get(facet, ())] for facet in FACETS}


def only_public(items: list) -> list:
    """`items` (hits or suggestions, whose `id` is the page id) whose page is public now."""
    ids = {int(item.id) for item in items if str(item.id).isdigit()}
    public = {str(pk) for pk in public_pages().filter(pk__in=ids).values_list("pk", flat=True)} if ids else set()
    return [item for item in items if str(item.id) in public]


def run_search(query: SearchQuery) -> Outcome:
    results, metadata = with_fallback(lambda backend: backend.search(query), None)
    if results is None:
        return Outcome([], 0, _no_facets(query), metadata)
    hits = only_public(results.hits)
    metadata = {**metadata, "no_answer": results.no_answer.to_dict() if results.no_answer else None}
    return Outcome(hits, max(0, results.total - (len(results.hits) - len(hits))), results.facets, metadata)


def _count_facets(query: SearchQuery, hits: list[SearchHit]) -> dict[str, list[FacetValue]]:
    facets = {}
    for facet in FACETS:
        chosen = query.selections.get(facet, ())
        counts = dict.fromkeys(chosen, 0)
        for hit in hits:
            values = {"theme": hit.themes, "wijk": hit.wijken, "type": (hit.page_type,), "language": (hit.language,)}
            for value in values[facet]:
                if value:
                    counts[value] = counts.get(value, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        facets[facet] = [FacetValue(value, count, value in chosen) for value, count in ordered]
    return facets


def run_scoped_search(query: SearchQuery, prefix: str) -> Outcome:
    """Results whose public path starts with `prefix` ("/nl/themas/"), paged after filtering."""
    kept: list[SearchHit] = []
    metadata: dict | None = None
    for page in range(1, MAX_RESULTS // MAX_PAGE_SIZE + 1):
        outcome = run_search(replace(query, page=page, page_size=MAX_PAGE_SIZE))
        metadata = metadata or outcome.metadata
        kept.extend(hit for hit in outcome.hits if hit.url.startswith(prefix))
        if len(outcome.hits) < MAX_PAGE_SIZE:
            break
    start = (query.page - 1) * query.page_size
    metadata = {**(metadata or {}), "scope": prefix}
    return Outcome(kept[start : start + query.page_size], len(kept), _count_facets(query, kept), metadata)


def run_suggest(prefix: str, language: str | None, limit: int) -> tuple[list[Suggestion], dict]:
    suggestions, metadata = with_fallback(lambda backend: backend.suggest(prefix, language=language, limit=limit), [])
    return only_public(suggestions), metadata
