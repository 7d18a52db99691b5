"""What happened to messages, counted per journey, crisis alert, wijk or language, in one aggregate query each.

- sent: handed to a provider (it has a `sent_at`), whatever came after;
- delivered: the provider reported it delivered (status `delivered`, or a delivery report,
  so a later bounce does not hide that it arrived first);
- opened, clicked, bounced: messages with at least one such report from the provider (a
  message opened five times counts once; reports are already deduplicated by provider
  event id). Opens are unreliable: mail clients that load images ahead (Apple Mail's
  privacy protection, some virus scanners) report opens nobody made, and clients that
  block images report none; views say so;
- milestone: enrolments (not messages) whose dossier then reached the milestone that ends
  their journey (`milestone_reached_q`): did the messages make people act;
- unsubscribed: messages the provider reported an unsubscribe for, or after which the
  citizen withdrew consent for that channel within `UNSUBSCRIBE_WINDOW` (our own one-click
  link, the preference centre, an SMS STOP). Those are recorded as consent changes, not
  against a message, so they are attributed to the messages sent just before.
A message's wijk is its citizen's wijk; an erased citizen's messages count as "onbekend".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet

from automation.journeys.selectors import milestone_reached_q
from automation.messages.models import DeliveryEvent, Message

Kind = DeliveryEvent.Kind
UNSUBSCRIBE_WINDOW = timedelta(days=7)

METRICS: list[tuple[str, str]] = [
    ("sent", "verstuurd"),
    ("delivered", "afgeleverd"),
    ("opened", "geopend"),
    ("clicked", "geklikt"),
    ("bounced", "gebounced"),
    ("milestone", "mijlpaal bereikt"),
    ("unsubscribed", "afgemeld"),
]

_REPORTED = {name: Kind(name) for name in ("opened", "clicked", "bounced")}

# breakdown -> (label field, key field or None, label when the field is empty)
BREAKDOWNS = {
    "journey": ("journey__name", "journey_id", "Zonder journey (crisis of los bericht)"),
    "crisis": ("crisis_alert__title", "crisis_alert_id", "Geen crisisbericht"),
    "wijk": ("citizen__wijk__name", None, "Wijk onbekend"),
    "language": ("language", None, "Taal onbekend"),
}


@dataclass(frozen=True)
class CountRow:
    label: str
    messages: int
    counts: dict[str, int]
    key: int | str | None = None  # the journey's or alert's id, to link to its figures


def _unsubscribed() -> Q:
    withdrawn = Q(
        citizen__consent_changes__granted=False,
        citizen__consent_changes__channel=F("channel"),
        citizen__consent_changes__recorded_at__gte=F("sent_at"),
        citizen__consent_changes__recorded_at__lt=F("sent_at") + UNSUBSCRIBE_WINDOW,
    )
    return Q(delivery_events__kind=Kind.UNSUBSCRIBED) | withdrawn


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
    aggregates["milestone"] = Count("enrolment", filter=milestone_reached_q("enrolment__"), distinct=True)
    aggregates["unsubscribed"] = Count("pk", filter=_unsubscribed(), distinct=True)
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


def _row(row: dict, label: str, key=None) -> CountRow:
    return CountRow(label=label, messages=row["messages"], counts={name: row[name] for name, _label in METRICS}, key=key)


def message_counts_by(
    breakdown: str, messages: QuerySet[Message] | None = None, *, labels: dict[str, str] | None = None
) -> list[CountRow]:
    """One row per journey, alert, wijk or language (largest first), counted in a single grouped query.

    `labels` names raw values (e.g. language codes) for people.
    """
    field, key_field, unknown = BREAKDOWNS[breakdown]
    messages = Message.objects.all() if messages is None else messages
    fields = [field, key_field] if key_field else [field]
    rows = messages.order_by().values(*fields).annotate(**_aggregates())
    labels = labels or {}
    result = [
        _row(row, labels.get(row[field], row[field]) or unknown, row[key_field] if key_field else None) for row in rows
    ]
    return sorted(result, key=lambda row: (-row.messages, row.label))


def message_totals(messages: QuerySet[Message], *, label: str = "Totaal") -> CountRow:
    """The same counts over all of `messages`, in one query."""
    return _row(messages.order_by().aggregate(**_aggregates()), label)
