"""Reading journeys: which live triggers listen to a milestone, which running enrolments it ends, which reached it."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet

from automation.journeys.models import Enrolment, Journey, JourneyTrigger


# The detail the runtime writes on an enrolment a milestone ended (an exit trigger): what
# tells "the dossier reached the milestone the journey works for" from other exits (the
# citizen erased while waiting).
EXITED_ON_MILESTONE = "exit on milestone "


def milestone_reached_q(prefix: str = "") -> Q:
    """Enrolments (under `prefix`, e.g. "enrolment__" from a message) stopped by the milestone that ends their journey."""
    return Q(**{f"{prefix}status": Enrolment.Status.EXITED, f"{prefix}detail__startswith": EXITED_ON_MILESTONE})


def milestone_triggers(*, dossier_type: str, milestone: str) -> QuerySet[JourneyTrigger]:
    """Triggers of active journeys' live versions for this dossier type and milestone."""
    return (
        JourneyTrigger.objects.filter(
            kind=JourneyTrigger.Kind.MILESTONE,
            milestone__code=milestone,
            milestone__dossier_type__code=dossier_type,
            version__journey__status=Journey.Status.ACTIVE,
            version=F("version__journey__live_version"),
        )
        .select_related("version__journey", "entry_step")
        .order_by("version__journey__slug", "pk")
    )


def running_enrolments_exited_by(*, dossier, dossier_type: str, milestone: str) -> QuerySet[Enrolment]:
    """Running enrolments of this dossier whose own version exits on this milestone."""
    exiting_versions = JourneyTrigger.objects.filter(
        kind=JourneyTrigger.Kind.MILESTONE,
        action=JourneyTrigger.Action.EXIT,
        milestone__code=milestone,
        milestone__dossier_type__code=dossier_type,
    ).values("version")
    return Enrolment.objects.filter(
        dossier=dossier,
        status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.WAITING],
        version__in=exiting_versions,
    )
