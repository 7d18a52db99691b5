"""Bring the search index in line with pages, by page id: the service behind the search tasks.

Tasks carry ids, not what happened: the page as it is now decides. A page a visitor can
open is (re)indexed, any other (unpublished, deleted, restricted, expired) is removed.
So a publish followed by a delete, handled in either order or twice, ends right.

When the backend fails (Elasticsearch unreachable, a timeout, a bug), the pages stay
pending in the table with the error and the attempt count, and the periodic task
(`search.apply_pending_updates`) tries them again; nothing is lost and nothing raises
into the request that published the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .backends import get_backend
from .extraction import document_id, documents_for_pages
from .pending import due_page_ids, mark_applied, mark_failed, open_updates, purge_applied

logger = logging.getLogger(__name__)

SYNC_CHUNK = 100
APPLY_LIMIT = 1000


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    embedded: int = 0  # passages embedded now (the rest came from the vector cache)
    failed: int = 0  # pages left pending
    error: str = ""


def backend_unavailable(error: BaseException) -> bool:
    """True for errors that mean "try again later" (no connection, timeout, overloaded cluster)."""
    if isinstance(error, (ConnectionError, TimeoutError)):
        return True
    try:
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import ConnectionTimeout
        from elasticsearch import ApiError
    except ImportError:  # pragma: no cover - the client is a dependency
        return False
    if isinstance(error, (TransportConnectionError, ConnectionTimeout)):
        return True
    return isinstance(error, ApiError) and error.meta.status in (429, 502, 503, 504)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def pages_sync(*, page_ids, alias: str = "default") -> SyncReport:
    """Index the indexable ones of `page_ids` and remove the others; failures stay pending."""
    ids = sorted({int(page_id) for page_id in page_ids})
    report = SyncReport()
    backend = get_backend(alias)
    for start in range(0, len(ids), SYNC_CHUNK):
        chunk = ids[start : start + SYNC_CHUNK]
        if report.error:  # the backend failed on an earlier chunk: keep the rest pending too
            mark_failed(page_ids=chunk, error=report.error)
            report.failed += len(chunk)
            continue
        snapshot = open_updates(chunk)
        try:
            documents = documents_for_pages(chunk)
            gone = [document_id(page_id) for page_id in chunk if page_id not in documents]
            indexed = backend.index_documents(documents.values())
            backend.delete_documents(gone)
        except Exception as error:  # noqa: BLE001 - a backend outage or a bug: the update must not be lost
            report.error = _describe(error)
            report.failed += len(chunk)
            mark_failed(page_ids=chunk, error=report.error)
            if backend_unavailable(error):
                logger.warning("search backend %r unavailable, %d page(s) kept pending: %s", alias, len(chunk), error)
            else:
                logger.exception("search index update failed, %d page(s) kept pending", len(chunk))
            continue
        mark_applied(snapshot)
        report.indexed += indexed.indexed
        report.embedded += indexed.embedded
        report.removed += len(gone)
        logger.info(
            "search: %d page(s) indexed, %d removed, %d passage(s) embedded (%d of %d ids done)",
            indexed.indexed, len(gone), indexed.embedded, min(start + SYNC_CHUNK, len(ids)), len(ids),
        )
    return report


def pending_updates_apply(*, alias: str = "default", limit: int = APPLY_LIMIT) -> SyncReport:
    """Apply what is still pending (failed before, or never picked up), then purge old applied rows."""
    page_ids = due_page_ids(limit=limit)
    report = pages_sync(page_ids=page_ids, alias=alias) if page_ids else SyncReport()
    purge_applied()
    return report
