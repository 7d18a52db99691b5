"""When a schedule trigger's current period began: the last moment its cron matched.

Editors pick "weekly on <day> at <time>" or "daily at <time>" (blocks.py), stored as a
cron expression `M H * * D` (D a weekday 0-6, 0 = Sunday, or `*` for daily) in
Europe/Brussels time. Only that subset is understood; anything else never runs and
is logged, rather than guessed at.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)


def period_start(cron: str, *, now: datetime) -> datetime | None:
    """The latest moment at or before `now` that `cron` names (aware, local time), or None."""
    try:
        minute, hour, day_of_month, month, weekday = cron.split()
        minute, hour = int(minute), int(hour)
        if day_of_month != "*" or month != "*":
            raise ValueError("day of month and month must be *")
        days = None if weekday == "*" else int(weekday) % 7
    except ValueError as error:
        logger.warning("Schedule %r is not understood: %s", cron, error)
        return None
    local = timezone.localtime(now)
    candidate = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if candidate > local:
        candidate -= timedelta(days=1)
    if days is not None:
        # Python: Monday = 0; cron: Sunday = 0.
        back = (candidate.weekday() + 1 - days) % 7
        candidate -= timedelta(days=back)
    # Re-attach the zone's offset for that date (a period may start across a DST change).
    return timezone.make_aware(candidate.replace(tzinfo=None), timezone.get_current_timezone())
