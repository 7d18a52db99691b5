"""Live counts on every step of a journey version, in three aggregate queries whatever its size.

Per step:
- entered: enrolments that reached the step (a `StepPassage` row, once each);
- waiting: enrolments parked on it now (a wait step);
- sent / delivered: its messages handed to a provider / reported delivered (as the message
  report counts them, automation/reports/message_counts.py);
- milestone: enrolments stopped while on this step because the dossier reached a
  milestone that ends the journey (`milestone_reached_q`): the outcome the journey works for;
- left: enrolments that ended on this step, for any reason (done, milestone, failed).
Queries: the version's steps; passages per step; enrolments per current step; messages per step.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.db.models import Count, Q

from automation.journeys.models import Enrolment, JourneyVersion, StepPassage
from automation.journeys.selectors import milestone_reached_q
from automation.messages.models import DeliveryEvent, Message

LABELS = {
    "entered": "binnengekomen",
    "waiting": "wachtend",
    "sent": "verstuurd",
    "delivered": "afgeleverd",
    "milestone": "mijlpaal bereikt",
    "left": "vertrokken",
}
ENDED = (Enrolment.Status.COMPLETED, Enrolment.Status.EXITED, Enrolment.Status.FAILED)


@dataclass
class StepCounts:
    entered: int = 0
    waiting: int = 0
    sent: int = 0
    delivered: int = 0
    milestone: int = 0
    left: int = 0

    def items(self) -> list[tuple[str, str, int]]:
        """(name, Dutch label, value) in display order."""
        return [(field.name, LABELS[field.name], getattr(self, field.name)) for field in fields(self)]


def step_counts(version: JourneyVersion) -> dict[int, StepCounts]:
    """Step id -> its counts, for every step of the version (zero when nothing happened)."""
    counts: dict[int, StepCounts] = {pk: StepCounts() for pk in version.steps.values_list("pk", flat=True)}

    def at(step_id) -> StepCounts:
        return counts.setdefault(step_id, StepCounts())

    passages = StepPassage.objects.filter(step__version=version).values("step").annotate(n=Count("pk")).order_by()
    for row in passages:
        at(row["step"]).entered = row["n"]
    enrolments = (
        Enrolment.objects.filter(version=version, current_step__isnull=False)
        .values("current_step")
        .annotate(
            waiting=Count("pk", filter=Q(status=Enrolment.Status.WAITING)),
            left=Count("pk", filter=Q(status__in=ENDED)),
            milestone=Count("pk", filter=milestone_reached_q()),
        )
        .order_by()
    )
    for row in enrolments:
        step = at(row["current_step"])
        step.waiting, step.left, step.milestone = row["waiting"], row["left"], row["milestone"]
    delivered = Q(status=Message.Status.DELIVERED) | Q(delivery_events__kind=DeliveryEvent.Kind.DELIVERED)
    messages = (
        Message.objects.filter(step__version=version)
        .values("step")
        .annotate(
            sent=Count("pk", filter=Q(sent_at__isnull=False), distinct=True),
            delivered=Count("pk", filter=delivered, distinct=True),
        )
        .order_by()
    )
    for row in messages:
        step = at(row["step"])
        step.sent, step.delivered = row["sent"], row["delivered"]
    return counts
