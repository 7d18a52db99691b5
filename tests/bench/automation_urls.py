"""URLs for the event-ingest benchmark: the real endpoint, and a bare view that only stores the row."""

import json

from django.http import JsonResponse
from django.urls import include, path
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from automation.dossiers.models import DossierEvent


@csrf_exempt
def bare_store(request):
    """The physical floor: parse the body and insert the row; no signature, validation or idempotency."""
    data = json.loads(request.body)
    event = DossierEvent.objects.create(
        source=data["source"],
        event_id=data["event_id"],
        dossier_ref=data["dossier"]["id"],
        dossier_type=data["dossier"]["type"],
        milestone=data["milestone"],
        citizen_ref=data["citizen"]["ref"],
        occurred_at=parse_datetime(data["occurred_at"]),
        payload=data,
        body_sha256="",
    )
    return JsonResponse({"id": event.pk}, status=202)


urlpatterns = [
    path("api/automation/", include("automation.api.urls")),
    path("bare/events/", bare_store),
]
