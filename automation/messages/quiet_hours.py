"""Quiet hours: no text and no voice call between 21:00 and 08:00 Europe/Brussels, except crisis alerts.

A message that falls in the quiet hours is not refused: it waits, with `not_before` set
to the end of the quiet hours, and the sweep queues it again then. No long countdown is
handed to the broker (a Redis broker would redeliver a task held longer than its
visibility timeout). The window is `AUTOMATION_SMS_QUIET_HOURS`, "HH:MM-HH:MM" in the
site's time zone, or empty for none.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.purposes import Purpose


def quiet_window() -> tuple[time, time] | None:
    raw = settings.AUTOMATION_SMS_QUIET_HOURS.strip()
    if not raw:
        return None
    try:
        start, end = (time.fromisoformat(part.strip()) for part in raw.split("-"))
    except ValueError:
        raise ImproperlyConfigured(f"AUTOMATION_SMS_QUIET_HOURS={raw!r}: expected HH:MM-HH:MM, e.g. 21:00-08:00") from None
    return start, end


def quiet_until(*, now: datetime, channel: str, purpose: str) -> datetime | None:
    """When the quiet hours end, if this message may not go out at `now`; else None."""
    window = quiet_window()
    if window is None or channel not in (ChannelKind.SMS, ChannelKind.VOICE) or purpose == Purpose.CRISIS:
        return None
    start, end = window
    local = timezone.localtime(now)
    clock = local.time()
    quiet = (start <= clock or clock < end) if start > end else (start <= clock < end)
    if not quiet:
        return None
    end_today = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    return end_today if end_today > local else end_today + timedelta(days=1)
