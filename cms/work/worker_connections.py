"""Celery workers keep their database connection from task to task, as web workers do between requests.

Celery's Django fix-up closes every database connection before and after every task
unless `CELERY_DB_REUSE_MAX` is set. A crisis broadcast is a thousand chunk tasks, and
each then opened a new PostgreSQL connection: a server process forked and its catalog
caches cold, about a tenth of a millisecond per text on both sides. With the reuse limit
set (the settings), a worker closes around each task only what Django closes after a web
request (`close_old_connections`): a connection older than `CONN_MAX_AGE`, or one an
error left unusable. `CONN_HEALTH_CHECKS` has a kept connection checked before its first
query in the next task, so a restarted PostgreSQL costs a reconnect, not a failed task.
"""

from __future__ import annotations

from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections


def _close_old(sender=None, **kwargs) -> None:
    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()


def worker_connections_connect() -> None:
    """Called once by `WorkConfig.ready`."""
    task_prerun.connect(_close_old, weak=False, dispatch_uid="vrijhaven-close-old-connections-before")
    task_postrun.connect(_close_old, weak=False, dispatch_uid="vrijhaven-close-old-connections-after")
