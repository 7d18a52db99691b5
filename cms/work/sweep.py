"""The one sweep of stuck work: every app registers a sweeper for its own rows; one beat task runs them all.

Every unit of background work is a row with a status, so nothing depends on a queue
message surviving. A worker killed mid-task, a task message lost with the broker, or a
broker that was down when the work was stored leaves a row in a working status that
nobody will move on. A sweeper finds such rows (a status unchanged for longer than the
work can take: `stuck`) and queues them again; that is harmless when the work was merely
slow, because a task acts only on a row it wins by compare-and-set (`claims.py`).

Each app registers its sweepers in its `AppConfig.ready` (`register_sweeper`), so this
module knows no app. `sweep_all` (the `work.sweep` beat task, cms/settings
CELERY_BEAT_SCHEDULE) runs every registered sweeper in turn, each in isolation: one that
raises is logged and the others still run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from django.utils import timezone

logger = logging.getLogger(__name__)

Sweeper = Callable[[], object]  # returns what it queued again (a count, or counts by kind)

_sweepers: dict[str, Sweeper] = {}


def register_sweeper(name: str, sweeper: Sweeper) -> None:
    """Add a sweeper under `name`; registering the same function again is harmless."""
    known = _sweepers.get(name)
    if known is not None and known is not sweeper:
        raise ImproperlyConfigured(f"two sweepers are registered as {name!r}: {known!r} and {sweeper!r}")
    _sweepers[name] = sweeper


def registered_sweepers() -> dict[str, Sweeper]:
    return dict(_sweepers)


def sweep_all() -> dict[str, object]:
    """Run every registered sweeper; returns each one's result, or the error that stopped it."""
    results: dict[str, object] = {}
    requeued: dict[str, object] = {}
    for name, sweeper in _sweepers.items():
        try:
            results[name] = requeued[name] = sweeper()
        except Exception as error:  # noqa: BLE001 - one broken sweeper must not keep the others from running
            logger.exception("Sweeper %s failed", name)
            results[name] = f"failed: {type(error).__name__}: {error}"
    if any(_did_something(result) for result in requeued.values()):
        logger.warning("Sweep re-queued stuck work: %s", requeued)
    return results


def stuck(rows: QuerySet[Model], *, status: str, idle_for: timedelta, now: datetime | None = None) -> QuerySet[Model]:
    """The rows in `status` whose `updated_at` has not moved for longer than `idle_for`, oldest first."""
    cutoff = (now or timezone.now()) - idle_for
    return rows.filter(status=status, updated_at__lt=cutoff).order_by("updated_at", "pk")


def _did_something(result: object) -> bool:
    if isinstance(result, dict):
        return any(result.values())
    return bool(result)
