"""The automation API's parts of the OpenAPI documents, and its own document at /api/automation/openapi.json.

The event schema is derived from the serializer the endpoint validates with
(`DossierEventSerializer`, through serializer_schema.py), so the document cannot drift
from what is enforced. The subscription endpoints' part is in subscriptions_openapi.py,
the crisis banner's in automation/crisis/openapi.py (registered by the crisis app). Each is
registered with the HTTP kernel's OpenAPI registry in the `automation` group: so it is in
the platform's one document at /api/schema/, and the group's parts make up the document
case-system integrators read here.
"""

from __future__ import annotations

from django.http import JsonResponse

from automation.api.serializer_schema import serializer_schema
from automation.api.subscriptions_openapi import PHONE_DESCRIPTION, PHONE_PATTERN, subscription_paths, subscription_schemas
from automation.dossiers.event_schema import DossierEventSerializer
from automation.languages import supported_languages
from cms.core.models import Wijk
from cms.http.methods import api_methods
from cms.http.openapi.document import openapi_document as assembled_document
from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import listed_from_database, problem

GROUP = "automation"
OCCURRED_AT = (" At most AUTOMATION_EVENT_CLOCK_SKEW_SECONDS (default 300) ahead of the server's clock and at most "
               "AUTOMATION_EVENT_MAX_AGE_DAYS back; outside that window, a 400 naming `occurred_at`.")
INFO = {
    "title": "Vrijhaven automation API",
    "version": "1",
    "description": "Case systems post dossier milestones; citizens manage what they receive.",
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


SUNSET_HEADERS = {
    "Deprecation": {"description": "When the page was deprecated (RFC 9745, `@<epoch>`).", "schema": {"type": "string"}},
    "Sunset": {"description": "The last day it is served (RFC 8594).", "schema": {"type": "string"}},
    "Link": {"description": "`rel=\"successor-version\"`: the front end's preference centre.", "schema": {"type": "string"}},
}
LEGACY_ANSWERS = {
    "200": {"description": "The page.", "headers": SUNSET_HEADERS, "content": {"text/html": {"schema": {"type": "string"}}}},
    "303": {"description": "After the Sunset date: to the front end's preference centre with the same token.",
            "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}}},
    "404": problem("Unknown link."),
}  # fmt: skip


def event_and_link_paths() -> dict:
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
                "400": problem("Not JSON, or a field missing or invalid (`occurred_at` in the future beyond the "
                               "allowed clock skew, or absurdly far back, included). Nothing stored."),
                "401": problem("Signature missing or wrong (whatever characters it holds). Nothing stored."),
                "413": problem("The body is larger than AUTOMATION_EVENT_BODY_MAX_BYTES; it was not read. Nothing stored."),
            },
        }
    },
    "/api/automation/openapi.json": {
        "get": {
            "operationId": "automationOpenApi",
            "summary": "The automation API's own document (events, subscriptions, crisis banner), for case systems",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}},
        }
    },
    "/api/automation/preferences/{token}/": {
        "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "The preference link's token, as for the preference centre."}],
        "get": {
            "operationId": "legacyPreferencesPage",
            "deprecated": True,
            "summary": "The first, HTML preference page, for links in old e-mails (retired after its Sunset date)",
            "responses": {**LEGACY_ANSWERS},
        },
        "post": {
            "operationId": "legacyPreferencesSave",
            "deprecated": True,
            "summary": "Save the HTML preference page's form (`action=stop` stops everything)",
            "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "object",
                "properties": {"action": {"type": "string", "examples": ["stop"]},
                               "email": {"type": "string", "examples": ["on"]}, "sms": {"type": "string", "examples": ["on"]},
                               "subscription": {"description": "The ids of the subscriptions to keep (one field "
                                                "per ticked box); any other value is ignored."}},
            }}}},
            "responses": {**LEGACY_ANSWERS},
        },
    },
    "/api/automation/unsubscribe/{token}/": {
        "post": {
            "operationId": "unsubscribeOneClick",
            "summary": "One-click unsubscribe (RFC 8058), the target of List-Unsubscribe",
            "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "description": "RFC 8058 mail clients send `List-Unsubscribe=One-Click`; the link alone "
                            "is the credential, so any body (or none) unsubscribes, as the page's own button does.",
                            "properties": {"List-Unsubscribe": {"type": "string", "examples": ["One-Click"]}},
                        }
                    }
                }
            },
            "responses": {
                "200": {"description": "Unsubscribed: an HTML page saying so.", "content": {"text/html": {"schema": {"type": "string"}}}},
                "404": problem("Unknown link."),
            },
        },
        "get": {
            "operationId": "unsubscribeOneClickPage",
            "summary": "The page a person (or a link scanner) opens: a button that POSTs; nothing changes",
            "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "An HTML page with the unsubscribe button.", "content": {"text/html": {"schema": {"type": "string"}}}},
                "404": problem("Unknown link."),
            },
        },
    },
    }


def event_schema() -> dict:
    """The serializer's schema, with what its validators check beyond types: the `occurred_at` window (in
    words: it moves with the clock, which JSON Schema cannot state), a valid phone, a supported language, a known wijk, a postal address
    as a letter needs it (automation/dossiers/event_schema.py)."""
    schema = serializer_schema(DossierEventSerializer())
    properties = dict(schema["properties"])
    properties["occurred_at"] = {**properties["occurred_at"],
                                 "description": properties["occurred_at"]["description"] + OCCURRED_AT}
    citizen = dict(properties["citizen"]["properties"])
    citizen["phone"] = {**citizen["phone"], "pattern": PHONE_PATTERN, "description": PHONE_DESCRIPTION}
    languages = "|".join(supported_languages())
    citizen["language"] = {**citizen["language"], "pattern": rf"^(?:{languages})(?:-[A-Za-z]{{2,8}})?$"}
    wijken = listed_from_database(lambda: Wijk.objects.values_list("slug", "name"))
    if wijken is not None:
        citizen["wijk"] = {**citizen["wijk"], "enum": ["", *sorted({value for pair in wijken for value in pair})]}
    if "postal_address" in citizen:
        citizen["postal_address"] = _postal_address(citizen["postal_address"])
    # A call needs a number: `preferred_channel` "voice" comes with a phone (the serializer's validate()).
    others = [kind for kind in citizen["preferred_channel"].get("enum", []) if kind != "voice"]
    calls_need_a_phone = [{"properties": {"preferred_channel": {"enum": others}}},
                          {"required": ["phone"], "properties": {"phone": {"pattern": "\\S"}}}]  # fmt: skip
    properties["citizen"] = {**properties["citizen"], "properties": citizen, "anyOf": calls_need_a_phone}
    return _without_nul({**schema, "properties": properties})


def _postal_address(schema: dict) -> dict:
    """The address with its validators' rules: a two-letter country (any case), and four digits as the
    postcode when the country is Belgium, stated or absent (automation/dossiers/event_schema.py)."""
    parts = dict(schema["properties"])
    parts["country"] = {**parts["country"], "minLength": 2, "maxLength": 2, "pattern": "^[A-Za-z]{2}$"}
    belgian_postcode = {"properties": {"postcode": {"pattern": "^[1-9][0-9]{3}$"}}}
    abroad = {"required": ["country"], "properties": {"country": {"pattern": "^(?![Bb][Ee]$)"}}}
    return {**schema, "properties": parts, "anyOf": [belgian_postcode, abroad]}


# Any JSON without a NUL character (\u0000) in a key or a text: what PostgreSQL's jsonb can store,
# so what the free-form parts of an event (`data`, fields we do not know) may hold.
NUL_FREE_TEXT = {"type": "string", "pattern": "^[^\\x00]*$"}
NUL_FREE_JSON = {
    "anyOf": [
        NUL_FREE_TEXT,
        {"type": ["number", "boolean", "null"]},
        {"type": "array", "items": {"$ref": "#/components/schemas/NulFreeJson"}},
        {"type": "object", "propertyNames": NUL_FREE_TEXT, "additionalProperties": {"$ref": "#/components/schemas/NulFreeJson"}},
    ],
}


def _without_nul(schema: dict) -> dict:
    """`schema` with its free-form parts (`additionalProperties: true`, plain objects) limited to NulFreeJson."""
    schema = dict(schema)
    if schema.get("type") == "object":
        if "properties" in schema:
            schema["properties"] = {name: _without_nul(part) for name, part in schema["properties"].items()}
            if schema.get("additionalProperties") is True:
                schema["additionalProperties"] = {"$ref": "#/components/schemas/NulFreeJson"}
                schema["propertyNames"] = NUL_FREE_TEXT
        else:
            schema.update(propertyNames=NUL_FREE_TEXT, additionalProperties={"$ref": "#/components/schemas/NulFreeJson"})
    return schema


def event_schemas() -> dict:
    return {"DossierEvent": event_schema(), "EventAccepted": ACCEPTED, "NulFreeJson": NUL_FREE_JSON}


def openapi_parts_register() -> None:
    """Called from `AutomationApiConfig.ready`."""
    openapi_part_register(
        name="automation.events", order=40, groups=(GROUP,), paths=event_and_link_paths, schemas=event_schemas
    )
    openapi_part_register(
        name="automation.subscriptions", order=50, groups=(GROUP,), paths=subscription_paths, schemas=subscription_schemas
    )


def openapi_document() -> dict:
    """The automation group alone, for case-system integrators (/api/automation/openapi.json)."""
    return assembled_document(info=INFO, group=GROUP)


@api_methods("GET")
def openapi_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
