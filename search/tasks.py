"""Search tasks, on the `search` queue. They carry page ids and call the services in page_sync.

`sync_pages` is queued after the commit of a publish, unpublish, move or delete;
`apply_pending_updates` runs every minute (beat) and applies what a failed or lost sync
left pending, such as updates made while Elasticsearch was unreachable. `sync_pages` is
queued by name (`indexing.py`); nothing imports this module but Celery's autodiscovery.
"""

from dataclasses import asdict

from celery import shared_task

from .indexing import SYNC_PAGES
from .page_sync import pages_sync, pending_updates_apply


@shared_task(name=SYNC_PAGES, acks_late=True)
def sync_pages(page_ids: list[int]) -> dict:
    return asdict(pages_sync(page_ids=page_ids))


@shared_task(name="search.apply_pending_updates", acks_late=True)
def apply_pending_updates() -> dict:
    return asdict(pending_updates_apply())
