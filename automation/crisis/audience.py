"""Who an alert reaches: the one audience the fan-out walks and the compose form counts.

Active crisis subscribers of the chosen wijken plus the city-wide ones (everyone when no
wijk is chosen); per channel, those who may be reached on it by the one rule of
`contacts.selectors` (an address, an explicit yes, not suppressed). Counted in the
database, one query per channel, whatever the audience's size, so the count shown before
anyone requests an alert is the number of messages its fan-out will make.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, Subscription
from automation.contacts.selectors import citizens_reachable_on


def crisis_audience_citizens(*, wijk_ids: list[int]) -> QuerySet[Citizen]:
    subscriptions = Subscription.objects.filter(kind=Subscription.Kind.CRISIS, status=Subscription.Status.ACTIVE)
    if wijk_ids:
        subscriptions = subscriptions.filter(Q(wijk__isnull=True) | Q(wijk_id__in=wijk_ids))
    return Citizen.objects.filter(pk__in=subscriptions.values("citizen_id")).order_by("pk")


def crisis_audience_size(*, wijk_ids: list[int], channels: list[str]) -> dict:
    """{"subscribers": n, "per_channel": {"sms": n, "email": n}, "messages": n}."""
    citizens = crisis_audience_citizens(wijk_ids=wijk_ids)
    per_channel = {
        ChannelKind(channel).value: citizens_reachable_on(citizens, channel=channel).count() for channel in channels
    }
    return {"subscribers": citizens.count(), "per_channel": per_channel, "messages": sum(per_channel.values())}
