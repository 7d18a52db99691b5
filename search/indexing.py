"""Wagtail's signals to search tasks: the index follows publish, unpublish, move and delete.

Each receiver records a pending update row in the transaction that changed the page, and
collects the page id; when that transaction commits, the ids go to one `search.sync_pages`
task on the `search` queue (ids only: the task reads the pages as they are then). A seed
that publishes three hundred pages in one transaction therefore queues one task, not
three hundred. Without a broker the task runs eagerly in the committing process. The
task is queued by name (`cms.work.enqueue`): the task module imports the sync services,
not the other way round.

A move or a slug change re-indexes the whole subtree (every URL below changed), and so
does adding or removing a view restriction (the section becomes private or public), and
publishing or unpublishing a page with children: what is indexed is what the public can
see (cms/core/publishing.py), and a live page under an unpublished section is hidden with
it, and found again when the section is published.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.work.enqueue import enqueue

from .pending import Action, pending_updates_record

logger = logging.getLogger(__name__)

SEARCH_QUEUE = "search"
SYNC_PAGES = "search.sync_pages"
#: Page ids per task message: a big import becomes a few messages, each a bounded piece of work.
IDS_PER_TASK = 500

_local = threading.local()


class _CommitBatch:
    """Page ids collected in this thread until a commit sends them as task(s).

    Every signal registers the batch's `flush` with on_commit, not only the first: a
    savepoint rollback (or a test capturing callbacks) may drop earlier registrations.
    The first flush to run sends every id collected so far; the others find it sent. Ids
    left by a rolled-back transaction go out with the next commit, which is harmless:
    the task re-reads each page and indexes or removes it as it is.
    """

    def __init__(self):
        self.page_ids: set[int] = set()
        self.sent = False

    def flush(self) -> None:
        if not self.sent:
            self.sent = True
            send_page_sync(self.page_ids)


def send_page_sync(page_ids) -> None:
    """Queue `search.sync_pages` for these ids now; a broker failure leaves them to the periodic task."""
    ids = sorted(set(page_ids))
    for start in range(0, len(ids), IDS_PER_TASK):
        try:
            enqueue(SYNC_PAGES, ids[start : start + IDS_PER_TASK], queue=SEARCH_QUEUE)
        except Exception:  # noqa: BLE001 - the rows are stored; the periodic task will apply them
            logger.exception("could not queue search.sync_pages; %d page(s) stay pending", len(ids[start:]))
            return


def queue_page_sync(page_ids, *, action: str) -> None:
    """Record the pages as pending and queue their sync once the current transaction commits."""
    page_ids = {int(page_id) for page_id in page_ids if page_id is not None}
    if not page_ids:
        return
    pending_updates_record(page_ids=page_ids, action=action)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        send_page_sync(page_ids)
        return
    batch = getattr(_local, "batch", None)
    if batch is None or batch.sent:
        batch = _local.batch = _CommitBatch()
    batch.page_ids |= page_ids
    transaction.on_commit(batch.flush, robust=True)


def _subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


# --- receivers --------------------------------------------------------------------------
def _page_and_below(page: Page) -> list[int]:
    return _subtree_ids(page) if page.numchild else [page.pk]


def on_page_published(sender, instance, **kwargs):
    queue_page_sync(_page_and_below(instance), action=Action.INDEX)


def on_page_unpublished(sender, instance, **kwargs):
    queue_page_sync(_page_and_below(instance), action=Action.DELETE)


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before != url_path_after:  # a reorder among siblings changes no URL
        queue_page_sync(_subtree_ids(instance), action=Action.INDEX)


def on_page_slug_changed(sender, instance, **kwargs):
    queue_page_sync(_subtree_ids(instance), action=Action.INDEX)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk is not None:
        queue_page_sync([instance.pk], action=Action.DELETE)


def on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with the page being deleted: its own signal handles it
        queue_page_sync(_subtree_ids(page), action=Action.INDEX)


def connect() -> None:
    """Connect the receivers (SearchConfig.ready); uids make a second call harmless."""
    page_published.connect(on_page_published, dispatch_uid="search.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search.page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search.post_page_move")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="search.page_slug_changed")
    post_delete.connect(on_page_deleted, dispatch_uid="search.page_deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted"
    )
