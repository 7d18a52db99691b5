"""What followed an exposure: the outcome (once per citizen) and the guardrails, read from what is already recorded.

Nothing new is collected for an experiment. The outcome is either
- the experiment's milestone reached within N days of the exposure: a dossier event
  (automation/dossiers, signed by the case system) for the citizen or the dossier they
  were exposed for, or
- a click: the ESP's tracking webhook, stored as a `DeliveryEvent` of kind `clicked` for one
  of the messages the experiment sent them (automation/messages/tracking.py).
The guardrails are a bounce and a complaint reported for one of those messages, and an
unsubscribe: any consent the citizen withdrew within the window (the one-click link, the
preference centre, the ESP's own link, a complaint), from `ConsentChange`.

Each is stamped on the citizen's one `Exposure` row with an UPDATE guarded by `IS NULL`, so
a second click, a second milestone or a sweep run twice counts nothing twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import DateTimeField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery

from automation.contacts.models import ConsentChange
from automation.dossiers.models import DossierEvent
from automation.experiments.models import Exposure, MessageExperiment
from automation.messages.models import DeliveryEvent

Kind = DeliveryEvent.Kind


def _window_end(days: int):
    return ExpressionWrapper(OuterRef("exposed_at") + timedelta(days=days), output_field=DateTimeField())


def _stamp(exposures: QuerySet, field: str, events: QuerySet, at: str) -> int:
    """Set `field` on the exposures still without it that have a matching event, to the first event's time."""
    first = events.order_by(at).values(at)[:1]
    return exposures.filter(**{f"{field}__isnull": True}).filter(Exists(events)).update(**{field: Subquery(first)})


def _message_events(kind: str, days: int) -> QuerySet:
    return DeliveryEvent.objects.filter(
        kind=kind,
        message__variant__exposure=OuterRef("pk"),
        occurred_at__gte=OuterRef("exposed_at"),
        occurred_at__lte=_window_end(days),
    )


def experiment_outcomes_record(*, experiment: MessageExperiment) -> dict[str, int]:
    """Stamp conversions and guardrail events not yet stamped; returns how many of each were new."""
    exposures = Exposure.objects.filter(experiment=experiment)
    days = experiment.outcome_days
    counts = {}
    if experiment.outcome == MessageExperiment.Outcome.MILESTONE and experiment.outcome_milestone_id:
        milestone = experiment.outcome_milestone
        reached = DossierEvent.objects.filter(
            Q(citizen_id=OuterRef("citizen_id")) | Q(dossier_id=OuterRef("dossier_id"), dossier_id__isnull=False),
            dossier_type=milestone.dossier_type.code,
            milestone=milestone.code,
            occurred_at__gt=OuterRef("exposed_at"),
            occurred_at__lte=_window_end(days),
        )
        counts["converted"] = _stamp(exposures, "converted_at", reached, "occurred_at")
    elif experiment.outcome == MessageExperiment.Outcome.CLICK:
        counts["converted"] = _stamp(exposures, "converted_at", _message_events(Kind.CLICKED, days), "occurred_at")
    counts["bounced"] = _stamp(exposures, "bounced_at", _message_events(Kind.BOUNCED, days), "occurred_at")
    counts["complained"] = _stamp(exposures, "complained_at", _message_events(Kind.COMPLAINED, days), "occurred_at")
    withdrawn = ConsentChange.objects.filter(
        citizen_id=OuterRef("citizen_id"), granted=False,
        recorded_at__gte=OuterRef("exposed_at"), recorded_at__lte=_window_end(days),
    )
    counts["unsubscribed"] = _stamp(exposures, "unsubscribed_at", withdrawn, "recorded_at")
    return counts
