"""The OpenAPI 3.1 document of the automation API, served at /api/automation/openapi.json.

The event schema is derived from the serializer the endpoint validates with
(`DossierEventSerializer`), so the document cannot drift from what is enforced: one
validation system, described, not two side by side. Rules JSON Schema cannot say
(phone numbers, the 25 wijken, offsets) are in the field descriptions.
"""

from __future__ import annotations

from django.http import JsonResponse
from rest_framework import serializers

from automation.dossiers.event_schema import DossierEventSerializer, OffsetDateTimeField, StrictBooleanField
from automation.crisis.openapi import crisis_paths, crisis_schemas
from cms.api.openapi.document import PROBLEM, _problem


def field_schema(field: serializers.Field) -> dict:
    if isinstance(field, serializers.Serializer):
        schema = serializer_schema(field)
    elif isinstance(field, StrictBooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, OffsetDateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, serializers.DictField):
        schema = {"type": "object"}
    elif isinstance(field, serializers.CharField):
        schema = {"type": "string"}
        if isinstance(field, serializers.EmailField):
            schema["format"] = "email"
        if isinstance(field, serializers.RegexField):
            schema["pattern"] = field.validators[-1].regex.pattern
        if field.max_length:
            schema["maxLength"] = field.max_length
        if not field.allow_blank:
            schema["minLength"] = 1
    else:
        raise TypeError(f"no JSON Schema mapping for {type(field).__name__}")
    if field.help_text:
        schema["description"] = str(field.help_text)
    schema.update(getattr(field, "json_schema_extra", {}))
    return schema


def serializer_schema(serializer: serializers.Serializer) -> dict:
    fields = serializer.fields
    return {
        "type": "object",
        "properties": {name: field_schema(field) for name, field in fields.items()},
        "required": [name for name, field in fields.items() if field.required],
        "additionalProperties": True,  # unknown fields are ignored, for forward compatibility
    }


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
    return {**_event_and_link_paths(), **crisis_paths()}


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
    return {"DossierEvent": serializer_schema(DossierEventSerializer()), "EventAccepted": ACCEPTED, **crisis_schemas()}


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
