"""The test panel's part of the OpenAPI documents (group `automation`), registered by `PanelConfig.ready`.

Request bodies come from the serializers that validate them (api_schema.py); answers are
written out here and checked against real answers by tests/automation/panel/test_api.py
and the schemathesis run (tests/integration/test_fuzz_api.py).
"""

from __future__ import annotations

from automation.api.serializer_schema import serializer_schema
from automation.api.subscriptions_openapi import BAD_FIELDS, CLIENT_HEADERS, NAMED, PRIVATE, TOO_LARGE, TOO_MANY, UNKNOWN_LINK
from automation.languages import supported_languages
from automation.panel.api_schema import AnswerSerializer, JoinSerializer, TokenSerializer
from automation.panel.consent import CURRENT_VERSION
from cms.http.openapi.registry import openapi_part_register
from cms.core.models import Wijk
from cms.http.openapi.shared import listed_from_database, problem

PREFIX = "/api/automation/panel"
INVITATION_TOKEN = {
    "name": "token", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1},
    "description": "The personal token of an invitation (the link `/{lang}/testpanel/tekst/{token}` in its mail).",
}  # fmt: skip
LEAVE_TOKEN = {
    "name": "token", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1},
    "description": "The signed leave token of a panel member (the link in every invitation).",
}  # fmt: skip
HTML = {"text/html": {"schema": {"type": "string"}}}
ALREADY = problem("This invitation was answered already (`already-answered`); nothing was stored.")


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema_name: str) -> dict:
    return {"description": description, "headers": PRIVATE, "content": {"application/json": {"schema": _ref(schema_name)}}}


def _body(schema_name: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema_name)}}}


def panel_paths() -> dict:
    return {
        f"{PREFIX}/consent/": {
            "get": {
                "operationId": "panelConsent",
                "summary": "What joining the test panel means (the consent text and its version), the wijken",
                "parameters": [{"name": "lang", "in": "query", "required": False, "schema": {"type": "string"},
                                "description": "nl, en or fr; anything else gives Dutch."}],
                "responses": {"200": {"description": "The text to show beside the form.",
                                      "content": {"application/json": {"schema": _ref("PanelConsent")}}}},
            }
        },
        f"{PREFIX}/join/": {
            "post": {
                "operationId": "panelJoin",
                "summary": "Join the test panel (double opt-in): a confirmation link is e-mailed",
                "description": "The same 202 whether the address is in the panel or not. One mail per address per "
                "10 minutes; the subscribe form's per-client limit and the city's hourly ceiling apply (429).",
                "parameters": CLIENT_HEADERS,
                "requestBody": _body("PanelJoinRequest"),
                "responses": {"202": _json("Stored as pending.", "PanelPending"), "400": BAD_FIELDS, "413": TOO_LARGE,
                              "429": TOO_MANY},
            }
        },
        f"{PREFIX}/confirm/": {
            "post": {
                "operationId": "panelConfirm",
                "summary": "Follow the confirmation link (valid 7 days); repeating it gives the same 200",
                "requestBody": _body("PanelConfirmation"),
                "responses": {"200": _json("In the panel.", "PanelConfirmed"), "400": BAD_FIELDS, "404": UNKNOWN_LINK,
                              "413": TOO_LARGE},
            }
        },
        f"{PREFIX}/leave/{{token}}/": {
            "parameters": [LEAVE_TOKEN],
            "get": {
                "operationId": "panelLeavePage",
                "summary": "A page with one button that leaves the panel (a GET changes nothing)",
                "responses": {"200": {"description": "The page.", "content": HTML}, "404": UNKNOWN_LINK},
            },
            "post": {
                "operationId": "panelLeave",
                "summary": "Leave the test panel (RFC 8058 one-click too); the member and a panel-only address are erased",
                "requestBody": {"required": False, "content": {"application/x-www-form-urlencoded": {"schema": {
                    "type": "object", "description": "RFC 8058 mail clients send `List-Unsubscribe=One-Click`; "
                    "the body is not read: the POST itself leaves."}}}},
                "responses": {"200": {"description": "Left (or not a member any more).", "content": HTML},
                              "404": UNKNOWN_LINK},
            },
        },
        f"{PREFIX}/pretests/{{token}}/": {
            "parameters": [INVITATION_TOKEN],
            "get": {
                "operationId": "pretestForm",
                "summary": "The draft to read, its questions and cloze gaps (only through an invitation's token)",
                "responses": {"200": _json("The form.", "PretestForm"), "404": UNKNOWN_LINK},
            },
            "post": {
                "operationId": "pretestAnswer",
                "summary": "Answer the pretest once; a second answer with the same token stores nothing (409)",
                "requestBody": _body("PretestAnswer"),
                "responses": {"201": _json("Stored, without a name.", "PretestAnswered"), "400": BAD_FIELDS,
                              "404": UNKNOWN_LINK, "409": ALREADY, "413": TOO_LARGE},
            },
        },
    }


def _status(value: str) -> dict:
    return {"type": "object", "properties": {"status": {"type": "string", "const": value}}, "required": ["status"]}


def _join_schema() -> dict:
    """The serializer's schema with the wijken that exist (an unknown slug is an error on `wijk`)."""
    schema = serializer_schema(JoinSerializer())
    slugs = listed_from_database(lambda: Wijk.objects.values_list("slug", flat=True))
    if slugs is not None:
        schema["properties"]["wijk"] = {**schema["properties"]["wijk"], "enum": sorted(slugs)}
    return schema


def panel_schemas() -> dict:
    piece = {"oneOf": [
        {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"], "additionalProperties": False},
        {"type": "object", "properties": {"gap": {"type": "integer", "minimum": 0}}, "required": ["gap"],
         "additionalProperties": False},
    ]}  # fmt: skip
    return {
        "PanelConsent": {
            "type": "object",
            "properties": {"version": {"type": "string", "const": CURRENT_VERSION}, "text": {"type": "string"},
                           "languages": {"type": "array", "items": {"type": "string", "enum": supported_languages()}},
                           "wijken": NAMED},
            "required": ["version", "text", "languages", "wijken"],
        },  # fmt: skip
        "PanelJoinRequest": _join_schema(),
        "PanelConfirmation": serializer_schema(TokenSerializer()),
        "PanelPending": _status("pending"),
        "PanelConfirmed": _status("confirmed"),
        "PretestForm": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "language": {"type": "string"},
                "answered": {"type": "boolean", "description": "True once this invitation's answer is stored."},
                "questions": {"type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "key": {"type": "string"}, "kind": {"type": "string", "enum": ["scale", "text"]},
                        "text": {"type": "string"},
                        "scale": {"type": "array", "items": {"type": "object", "properties": {
                            "value": {"type": "integer", "minimum": 1, "maximum": 5}, "label": {"type": "string"}},
                            "required": ["value", "label"]}},
                    },
                    "required": ["key", "kind", "text"],
                }},
                "cloze": {
                    "type": "object",
                    "properties": {"every": {"type": "integer"}, "gaps": {"type": "integer", "minimum": 0},
                                   "paragraphs": {"type": "array", "items": {"type": "array", "items": piece}}},
                    "required": ["every", "gaps", "paragraphs"],
                },
            },
            "required": ["title", "language", "answered", "questions", "cloze"],
        },  # fmt: skip
        "PretestAnswer": serializer_schema(AnswerSerializer()),
        "PretestAnswered": _status("answered"),
    }


def panel_openapi_register() -> None:
    openapi_part_register(name="automation.panel", order=55, groups=("automation",), paths=panel_paths, schemas=panel_schemas)
