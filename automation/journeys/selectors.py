"""Reading journeys: which live triggers listen to a dossier milestone."""

from __future__ import annotations

from django.db.models import F, QuerySet

from automation.journeys.models import Journey, JourneyTrigger


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
