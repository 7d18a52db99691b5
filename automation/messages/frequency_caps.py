"""Frequency caps: no citizen gets more than N newsletters (digests, wijk news) per channel per week.

`AUTOMATION_NEWSLETTER_CAP` (default 3; 0 turns the cap off) newsletter messages per
citizen and channel within `AUTOMATION_NEWSLETTER_CAP_DAYS` days (default 7). Counted
are newsletters sent (or delivered) in that window, and those being sent right now by
another worker, so two workers cannot both slip past the cap. A message over the cap is
stored as `suppressed` with the reason, never sent, and not sent later either: next
week's digest is the next chance.

Crisis alerts and service messages about the citizen's own dossier are never capped
(`purposes.py`): only `Purpose.NEWSLETTER` is counted and held back. Per channel,
because fatigue is per inbox: a weekly digest by e-mail does not crowd out an SMS.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Q
from django.utils import timezone

from automation.messages.models import Message
from automation.purposes import Purpose

Status = Message.Status


def _setting_int(name: str, default: int) -> int:
    raw = getattr(settings, name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number") from None
    if value < 0:
        raise ImproperlyConfigured(f"{name}={raw!r}: must not be negative")
    return value


def newsletter_cap() -> tuple[int, int]:
    """(messages, days): at most `messages` newsletters per citizen and channel in `days` days; 0 = no cap."""
    return _setting_int("AUTOMATION_NEWSLETTER_CAP", 3), max(_setting_int("AUTOMATION_NEWSLETTER_CAP_DAYS", 7), 1)


def over_cap(messages: list[Message]) -> dict[int, str]:
    """The ids among `messages` (claimed, `sending`) that would exceed the cap, with the reason.

    Within the list, earlier ids go first: of two digests for one citizen in one batch,
    the older one uses the last place under the cap.
    """
    limit, days = newsletter_cap()
    capped = sorted((m for m in messages if m.purpose == Purpose.NEWSLETTER and m.citizen_id), key=lambda m: m.pk)
    if not limit or not capped:
        return {}
    since = timezone.now() - timedelta(days=days)
    batch_ids = [m.pk for m in capped]
    counted = (
        Message.objects.filter(citizen_id__in={m.citizen_id for m in capped}, purpose=Purpose.NEWSLETTER)
        .filter(Q(status__in=[Status.SENT, Status.DELIVERED], sent_at__gte=since) | Q(status=Status.SENDING))
        .exclude(pk__in=batch_ids)
        .values_list("citizen_id", "channel")
        .annotate(n=Count("pk"))
    )
    seen = Counter({(citizen_id, channel): n for citizen_id, channel, n in counted})
    refused = {}
    for message in capped:
        key = (message.citizen_id, message.channel)
        if seen[key] >= limit:
            refused[message.pk] = (
                f"frequency cap: already {seen[key]} newsletter(s) by {message.channel} in the last {days} days "
                f"(at most {limit}); not sent"
            )
        else:
            seen[key] += 1
    return refused
