"""What happened to messages, counted per journey or per wijk, in one aggregate query each.

- sent: handed to a provider (it has a `sent_at`), whatever came after;
- delivered: the provider reported it delivered (status `delivered`, or a delivery report,
  so a later bounce does not hide that it arrived first);
- opened, clicked, bounced, unsubscribed: messages with at least one such report (a message
  opened five times counts once; reports are already deduplicated by provider event id).
A message's wijk is its citizen's wijk; an erased citizen's messages count as "onbekend".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from automation.messages.models import DeliveryEvent, Message

Kind = DeliveryEvent.Kind

METRICS: list[tuple[str, str]] = [
    ("sent", "verstuurd"),
    ("delivered", "afgeleverd"),
    ("opened", "geopend"),
    ("clicked", "geklikt"),
    ("bounced", "gebounced"),
    ("unsubscribed", "afgemeld"),
]

_REPORTED = {name: Kind(name) for name in ("opened", "clicked", "bounced", "unsubscribed")}

BREAKDOWNS = {
    "journey": ("journey__name", "Zonder journey (crisis of los bericht)"),
    "wijk": ("citizen__wijk__name", "Wijk onbekend"),
}


@dataclass(frozen=True)
class CountRow:
    label: str
    messages: int
    counts: dict[str, int]


def _aggregates() -> dict:
    aggregates = {
        "messages": Count("pk", distinct=True),
        "sent": Count("pk", filter=Q(sent_at__isnull=False), distinct=True),
        "delivered": Count(
            "pk", filter=Q(status=Message.Status.DELIVERED) | Q(delivery_events__kind=Kind.DELIVERED), distinct=True
        ),
    }
    for name, kind in _REPORTED.items():
        aggregates[name] = Count("pk", filter=Q(delivery_events__kind=kind), distinct=True)
    return aggregates


def messages_in_period(
    *, since: date | None = None, until: date | None = None, channel: str | None = None
) -> QuerySet[Message]:
    messages = Message.objects.all()
    if since:
        messages = messages.filter(created_at__date__gte=since)
    if until:
        messages = messages.filter(created_at__date__lte=until)
    if channel:
        messages = messages.filter(channel=channel)
    return messages


def message_counts_by(breakdown: str, messages: QuerySet[Message] | None = None) -> list[CountRow]:
    """One row per journey or wijk (largest first), counted in a single grouped query."""
    field, unknown = BREAKDOWNS[breakdown]
    messages = Message.objects.all() if messages is None else messages
    rows = messages.order_by().values(field).annotate(**_aggregates())
    result = [
        CountRow(
            label=row[field] or unknown,
            messages=row["messages"],
            counts={name: row[name] for name, _label in METRICS},
        )
        for row in rows
    ]
    return sorted(result, key=lambda row: (-row.messages, row.label))
