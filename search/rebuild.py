"""Rebuild the whole public search index from the pages, while search keeps answering.

The backend builds a new index beside the live one and swaps it in at the end (an alias
swap on Elasticsearch, a generation flip on the local backend). Passage vectors come from
the vector cache, so a rebuild of unchanged pages embeds nothing; the report says how many
passages were embedded and how many were found in the cache.

A page published while the rebuild runs may be written to the old index after the
rebuild read it, and that index is about to be dropped. So after the swap the rebuild
syncs again every page asked for since it started (the pending table keeps applied rows a
day for this), and closes the rows that were open when it started: the new index has them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.utils import timezone

from .backends import get_backend
from .extraction import indexable_pages, iter_page_documents
from .page_sync import SyncReport, pages_sync
from .pending import mark_applied, open_updates, requested_since
from .preparation import document_passages


class NoProgress:
    total = 0

    def update(self, n: int = 1) -> None:
        pass


@dataclass
class RebuildReport:
    pages: int = 0  # indexable pages read
    documents: int = 0  # documents in the new index
    passages: int = 0
    embedded: int = 0  # passages embedded now
    seconds: float = 0.0
    caught_up: SyncReport = field(default_factory=SyncReport)

    @property
    def cached(self) -> int:
        """Passages whose vector came from the cache (or repeated another passage of the run)."""
        return self.passages - self.embedded


def search_index_rebuild(*, alias: str = "default", progress=None) -> RebuildReport:
    """Rebuild the index of `alias` from every indexable page; `progress` gets `total` and `update(1)` per page."""
    progress = NoProgress() if progress is None else progress  # a fresh tqdm is falsy
    clock = time.monotonic()
    started = timezone.now()
    opened = open_updates()
    pages = indexable_pages()
    report = RebuildReport(pages=pages.count())
    progress.total = report.pages
    if hasattr(progress, "refresh"):
        progress.refresh()

    def documents():
        for _page_id, document in iter_page_documents(pages):
            progress.update(1)
            if document is not None:
                report.passages += len(document_passages(document))
                yield document

    indexed = get_backend(alias).rebuild(documents())
    report.documents, report.embedded = indexed.indexed, indexed.embedded
    mark_applied(opened)
    changed = requested_since(started)
    if changed:
        report.caught_up = pages_sync(page_ids=changed, alias=alias)
    report.seconds = time.monotonic() - clock
    return report
