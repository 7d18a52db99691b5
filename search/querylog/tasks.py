"""Periodic work of the search log (Celery beat, cms/settings/base.py): fold hourly, purge daily.

Nothing queues these but beat (and the `search_log_purge` command calls the same service),
so nothing imports this module but Celery's autodiscovery.
"""

from dataclasses import asdict

from celery import shared_task

from search.querylog.folding import search_log_fold
from search.querylog.retention import search_log_purge

FOLD = "search.querylog.fold"
PURGE = "search.querylog.purge"


@shared_task(name=FOLD, acks_late=True)
def fold_search_log() -> dict:
    return asdict(search_log_fold())


@shared_task(name=PURGE, acks_late=True)
def purge_search_log() -> dict:
    return asdict(search_log_purge())
