"""The OpenAPI 3.1 document of the automation API, served at /api/automation/openapi.json.

The event schema is derived from the serializer the endpoint validates with
(`DossierEventSerializer`, through serializer_schema.py), so the document cannot drift
from what is enforced. The subscription endpoints' part is in subscriptions_openapi.py,
the crisis banner's in automation/crisis/openapi.py; all are merged here and into the
platform's one document at /api/schema/.
"""

from __future__ import annotations

from django.http import JsonResponse

from automation.api.serializer_schema import field_schema, serializer_schema  # noqa: F401 (field_schema re-exported)
from automation.api.subscriptions_openapi import subscription_paths, subscription_schemas
from automation.crisis.openapi import crisis_paths, crisis_schemas
from automation.dossiers.event_schema import DossierEventSerializer
from cms.api.openapi.document import PROBLEM, _problem

ACCEPTED = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "description": "Our id for the stored event; the same for every repeat."},
        "source": {"type": "string"},
        "event_id": {"type": "string"},
        "status": {"type": "string", "enum": ["received", "processed", "unmatched", "failed"]},
        "duplicate": {"type": "boolean"},
    },
    "required": ["id", "source", "event_id", "status", "duplicate"],
}


def _accepted(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventAccepted"}}}}


def automation_paths() -> dict:
    """The automation endpoints, merged into the platform's one document at /api/schema/."""
    return {**_event_and_link_paths(), **subscription_paths(), **crisis_paths()}


def _event_and_link_paths() -> dict:
    return {
    "/api/automation/events/": {
        "post": {
            "operationId": "postDossierEvent",
            "summary": "Report a dossier milestone",
            "parameters": [
                {
                    "name": "X-Signature",
                    "in": "header",
                    "required": True,
                    "description": "sha256=<hex HMAC-SHA256 of the raw body>, keyed with the shared secret.",
                    "schema": {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"},
                }
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DossierEvent"}}},
            },
            "responses": {
                "202": _accepted("A new event, stored; its messages follow."),
                "200": _accepted("A repeat of (source, event_id): nothing changed, nothing sent again."),
                "400": _problem("Not JSON, or a field missing or invalid. Nothing stored."),
                "401": _problem("Signature missing or wrong. Nothing stored."),
            },
        }
    },
    "/api/automation/unsubscribe/{token}/": {
        "post": {
            "operationId": "unsubscribeOneClick",
            "summary": "One-click unsubscribe (RFC 8058), the target of List-Unsubscribe",
            "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {"type": "object", "properties": {"List-Unsubscribe": {"const": "One-Click"}}}
                    }
                }
            },
            "responses": {"200": {"description": "Unsubscribed."}, "404": _problem("Unknown link.")},
        }
    },
    }


def automation_schemas() -> dict:
    return {
        "DossierEvent": serializer_schema(DossierEventSerializer()),
        "EventAccepted": ACCEPTED,
        **subscription_schemas(),
        **crisis_schemas(),
    }


def openapi_document() -> dict:
    """The automation part alone, for case-system integrators (/api/automation/openapi.json)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vrijhaven automation API",
            "version": "1",
            "description": "Case systems post dossier milestones; citizens manage what they receive.",
        },
        "paths": automation_paths(),
        "components": {"schemas": {**automation_schemas(), "Problem": PROBLEM}},
    }


def openapi_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
