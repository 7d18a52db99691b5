"""How many people an alert will reach, per channel, shown before anyone requests it.

The same audience as the fan-out (`fan_out.crisis_audience`: active crisis subscribers of
the chosen wijken plus the city-wide ones, everyone when no wijk is chosen), then per
channel those who said yes to it and have an address on it. Counted in the database, one
query per channel, whatever the audience's size.
"""

from __future__ import annotations

from django.db.models import Q

from automation.channels.kinds import ChannelKind
from automation.contacts.models import ChannelConsent, Citizen, Subscription

_ADDRESS_FIELD = {ChannelKind.EMAIL: "email", ChannelKind.SMS: "phone"}


def crisis_audience_citizens(*, wijk_ids: list[int]):
    subscriptions = Subscription.objects.filter(kind=Subscription.Kind.CRISIS, status=Subscription.Status.ACTIVE)
    if wijk_ids:
        subscriptions = subscriptions.filter(Q(wijk__isnull=True) | Q(wijk_id__in=wijk_ids))
    return Citizen.objects.filter(pk__in=subscriptions.values("citizen_id"))


def crisis_audience_size(*, wijk_ids: list[int], channels: list[str]) -> dict:
    """{"subscribers": n, "per_channel": {"sms": n, "email": n}, "messages": n}."""
    citizens = crisis_audience_citizens(wijk_ids=wijk_ids)
    per_channel = {}
    for channel in channels:
        kind = ChannelKind(channel)
        consenting = ChannelConsent.objects.filter(channel=kind, granted=True).values("citizen_id")
        per_channel[kind.value] = (
            citizens.filter(pk__in=consenting).exclude(**{_ADDRESS_FIELD[kind]: ""}).count()
        )
    return {"subscribers": citizens.count(), "per_channel": per_channel, "messages": sum(per_channel.values())}
