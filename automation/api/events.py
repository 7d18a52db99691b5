"""POST /api/automation/events/ — a case system reports a dossier milestone.

Answers (the integration contract):
- 413: a body larger than AUTOMATION_EVENT_BODY_MAX_BYTES; not read, nothing stored.
- 401: signature missing or wrong; nothing is parsed, nothing stored.
- 400: body not a JSON object (or nested too deep; named `body`), or a field missing or
  invalid; every field error in one answer.
- 202: a new event, stored; processing follows in a task.
- 200: a repeat of (source, event_id); the stored event's id, nothing changed or sent.

The view is only HTTP: signature, parsing (the HTTP kernel's one JSON body parser),
validation, then one service call.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from rest_framework.exceptions import ValidationError

from automation.dossiers.event_schema import dossier_event_validate
from automation.dossiers.services import dossier_event_ingest
from automation.dossiers.signature import signature_is_valid
from cms.http.field_problems import flatten_errors
from cms.http.json_body import BodyRefused, json_object_parse, request_body
from cms.http.problems import InvalidParam, Problem, problem_response

SIGNATURE_HEADER = "X-Signature"


@method_decorator(csrf_exempt, name="dispatch")  # machine-to-machine; the HMAC is the authentication
class DossierEventsView(View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest):
        try:
            body = request_body(request, max_bytes=settings.AUTOMATION_EVENT_BODY_MAX_BYTES)
        except BodyRefused as refusal:
            return problem_response(refusal.problem())
        if not signature_is_valid(
            body=body, header=request.headers.get(SIGNATURE_HEADER), secret=settings.AUTOMATION_WEBHOOK_SECRET
        ):
            return problem_response(
                Problem(
                    status=401,
                    slug="invalid-signature",
                    title="Signature missing or invalid",
                    detail=f"Sign the raw body: {SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256> with the shared secret.",
                )
            )
        try:
            document = json_object_parse(body)
        except BodyRefused as refusal:
            return _invalid([InvalidParam("body", refusal.reason)])
        nul = nul_at(document)
        if nul is not None:  # PostgreSQL's jsonb cannot hold one: that INSERT was a 500 (issue 12)
            return _invalid([InvalidParam(nul, "holds a NUL character (\\u0000), which cannot be stored")])
        try:
            data = dossier_event_validate(document)
        except ValidationError as invalid:
            return _invalid(flatten_errors(invalid.detail))
        result = dossier_event_ingest(data=data, body_sha256=hashlib.sha256(body).hexdigest())
        event = result.event
        return JsonResponse(
            {
                "id": event.pk,
                "source": event.source,
                "event_id": event.event_id,
                "status": event.status,
                "duplicate": not result.created,
            },
            status=202 if result.created else 200,
        )


def nul_at(value, path: str = "") -> str | None:
    """The dotted path of the first key or text holding a NUL character, `body` for the top; None if none does."""
    if isinstance(value, str):
        return (path or "body") if "\x00" in value else None
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        here = f"{path}.{key}" if path else str(key)
        if isinstance(key, str) and "\x00" in key:
            return path or "body"
        found = nul_at(child, here)
        if found is not None:
            return found
    return None


def _invalid(params: list[InvalidParam]):
    return problem_response(
        Problem(
            status=400,
            slug="invalid-event",
            title="The event is not valid",
            detail="Nothing was stored. Correct the fields listed in `invalid_params` and send the event again.",
            invalid_params=params,
        )
    )
