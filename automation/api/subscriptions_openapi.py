"""The subscription and preference-centre endpoints' part of the OpenAPI documents (registered by openapi.py).

Request bodies come from the serializers that validate them; answers are written out
here and checked against real answers by tests/automation/api/test_openapi.py.
"""

from __future__ import annotations

from automation.api.serializer_schema import serializer_schema
from automation.api.subscription_schema import PreferencesSerializer, SubscribeSerializer
from automation.contacts.projects import followable_project_ids
from automation.contacts.taxonomy import source_themes
from automation.languages import supported_languages
from cms.core.models import Wijk
from cms.http.openapi.shared import listed_from_database, problem

PRIVATE = {"Cache-Control": {"description": "`private, no-store`: the answer is about one person.", "schema": {"type": "string"}}}
SLUGS = {"type": "array", "items": {"type": "string"}}
NAMED = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
        "required": ["slug", "name"],
    },
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema_name: str, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}
    if headers:
        answer["headers"] = headers
    return answer


def _body(schema_name: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema_name)}}}


# What SubscribeSerializer.validate checks across fields, said in JSON Schema: something to
# subscribe to, and `sms` only with a phone number and crisis alerts. Said with `not`, which
# TypeScript types generated from the document leave out (they cannot state "at least one").
SUBSCRIBE_RULES = {
    "allOf": [
        # Not: every target left out, empty or false.
        {"not": {"properties": {"wijken": {"maxItems": 0}, "themes": {"maxItems": 0},
                                "press": {"const": False}, "crisis": {"const": False}}}},
        # Not: `sms` true without a phone or without crisis alerts.
        {"not": {"properties": {"sms": {"const": True}}, "required": ["sms"],
                 "anyOf": [{"not": {"required": ["phone"]}}, {"properties": {"phone": {"maxLength": 0}}},
                           {"not": {"required": ["crisis"]}}, {"properties": {"crisis": {"const": False}}}]}},
    ],
}  # fmt: skip
# The phone numbers the document promises to accept: a Belgian mobile number in E.164 (or none).
# The server also takes other valid numbers and Belgian notation (`0470 12 34 56`), which
# JSON Schema cannot tell from invalid ones (phonenumbers' metadata decides).
PHONE_PATTERN = r"^(?:\+324[5-9][0-9]{7})?$"
PHONE_DESCRIPTION = ("Mobile number, e.g. +32470123456 (empty: none). Any number valid for its country is taken, "
                     "Belgian when it has no country code; it is stored in E.164.")
# PreferencesSerializer.validate: texts and calls need a phone; one emptied in the same body is none.
# (Without `phone` in the body the one on file counts, which a document cannot know.)
SMS_NEEDS_PHONE = {
    "allOf": [
        {"not": {"properties": {"phone": {"maxLength": 0},
                                "channels": {"properties": {channel: {"const": True}}, "required": [channel]}},
                 "required": ["phone", "channels"]}}
        for channel in ("sms", "voice")
    ],
}  # fmt: skip
TOKEN = {
    "name": "token",
    "in": "path",
    "required": True,
    "description": "The signed token from the preference link (`/{lang}/voorkeuren?token=`) or from confirming.",
    "schema": {"type": "string"},
}
BAD_FIELDS = problem("A field is invalid; `errors` names each one. Nothing was changed.", "FieldProblem")
UNKNOWN_LINK = problem("The token is invalid, tampered with or expired (`unknown-link`).")
TOO_LARGE = problem("The body is larger than the JSON body limit (JSON_BODY_MAX_BYTES). Nothing was changed.")
TOO_MANY = {
    **problem("Too many subscribe requests from this client (AUTOMATION_SUBSCRIBE_RATE), or the city's hourly "
              "ceiling on confirmation mails is reached (AUTOMATION_CONFIRMATION_MAILS_PER_HOUR). Nothing was stored."),
    "headers": {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer", "minimum": 1}}},
}  # fmt: skip
CLIENT_HEADERS = [
    {"name": "X-Vrijhaven-Client-Key", "in": "header", "required": False, "schema": {"type": "string"},
     "description": "A trusted front end's key (CONTENT_API_CLIENT_KEYS). Its requests are limited per citizen it "
                    "names in X-Vrijhaven-Forwarded-For, not per its own address."},
    {"name": "X-Vrijhaven-Forwarded-For", "in": "header", "required": False, "schema": {"type": "string"},
     "description": "The IP address of the citizen a trusted front end posts for; read only with a valid client key."},
]  # fmt: skip


def subscription_paths() -> dict:
    return {
        "/api/automation/subscriptions/": {
            "post": {
                "operationId": "subscribe",
                "summary": "Subscribe (double opt-in): a confirmation link is e-mailed",
                "description": "The same 202 whether the address is known or not. At most one confirmation mail "
                "per address per 10 minutes; a request inside that window is stored (pending) but not mailed. "
                "Each client may subscribe a limited number of times per window, and the city sends a limited "
                "number of confirmation mails per hour: past either, 429 with Retry-After. "
                "Pending subscriptions receive nothing. At least one of wijken, themes, press, crisis "
                "(else an error on `wijken`); `sms` needs `phone` and `crisis`.",
                "parameters": CLIENT_HEADERS,
                "requestBody": _body("SubscriptionRequest"),
                "responses": {
                    "202": _json("Stored as pending.", "SubscriptionPending", PRIVATE),
                    "400": BAD_FIELDS,
                    "413": TOO_LARGE,
                    "429": TOO_MANY,
                },
            }
        },
        "/api/automation/subscriptions/confirm/": {
            "post": {
                "operationId": "confirmSubscription",
                "summary": "Follow the confirmation link (token valid 7 days); repeating it gives the same 200",
                "requestBody": _body("SubscriptionConfirmation"),
                "responses": {
                    "200": _json("Confirmed; use `preferences_token` for the preference centre.", "SubscriptionConfirmed", PRIVATE),
                    "400": BAD_FIELDS,
                    "404": UNKNOWN_LINK,
                    "413": TOO_LARGE,
                },
            }
        },
        "/api/automation/subscriptions/options/": {
            "get": {
                "operationId": "subscriptionOptions",
                "summary": "What one can subscribe to; names in `lang` where translated, else Dutch",
                "parameters": [
                    {"name": "lang", "in": "query", "required": False,
                     "description": f"One of {', '.join(supported_languages())}; any other value (or none) gives the "
                                    "Dutch names, as a missing translation does.",
                     "schema": {"type": "string", "default": "nl", "examples": supported_languages()}}  # fmt: skip
                ],
                "responses": {
                    "200": _json("Cacheable (`public, max-age=300`).", "SubscriptionOptions"),
                },
            }
        },
        "/api/automation/subscriptions/preferences/{token}/": {
            "parameters": [TOKEN],
            "get": {
                "operationId": "getPreferences",
                "summary": "What the citizen receives (e-mail address masked)",
                "responses": {"200": _json("The current choices.", "Preferences", PRIVATE), "404": UNKNOWN_LINK},
            },
            "put": {
                "operationId": "putPreferences",
                "summary": "Change the choices; a field left out stays as it is",
                "description": "Subscriptions chosen here are active at once. Consent changes are recorded with "
                "time and source `preference-centre`.",
                "requestBody": _body("PreferencesChange"),
                "responses": {
                    "200": _json("The new state.", "Preferences", PRIVATE),
                    "400": BAD_FIELDS,
                    "404": UNKNOWN_LINK,
                    "413": TOO_LARGE,
                },
            },
        },
        "/api/automation/subscriptions/unsubscribe/{token}/": {
            "parameters": [TOKEN],
            "post": {
                "operationId": "unsubscribeAll",
                "summary": "Stop everything: every subscription ended, e-mail and SMS consent withdrawn",
                "responses": {"200": _json("Done.", "Unsubscribed", PRIVATE), "404": UNKNOWN_LINK},
            },
        },
    }


def _choices(schema: dict) -> dict:
    """The serializer's schema with what its validators look up: the slugs that exist, a phone that is valid."""
    properties = dict(schema["properties"])
    for name, read in (("wijken", lambda: Wijk.objects.values_list("slug", flat=True)),
                       ("themes", lambda: source_themes().values_list("slug", flat=True))):  # fmt: skip
        field, slugs = properties[name], listed_from_database(read)
        items = field["items"] if slugs is None else {**field["items"], "enum": sorted(slugs)}
        properties[name] = {**field, "items": items,
                            "description": field["description"] + " An unknown slug is an error on this field; "
                            "a repeated one counts once."}
    if "projects" in properties:
        field, ids = properties["projects"], listed_from_database(followable_project_ids)
        items = {**field["items"], "enum": ids} if ids else field["items"]
        properties["projects"] = {**field, "items": items, "maxItems": 0 if ids == [] else field["maxItems"],
                                  "description": field["description"] + " An id that is not a public project is "
                                  "an error on this field; a repeated one counts once."}
    properties["phone"] = {**properties["phone"], "pattern": PHONE_PATTERN, "description": PHONE_DESCRIPTION}
    return {**schema, "properties": properties}


def subscription_schemas() -> dict:
    return {
        "SubscriptionRequest": {**_choices(serializer_schema(SubscribeSerializer())), **SUBSCRIBE_RULES},
        "SubscriptionConfirmation": {
            "type": "object",
            "properties": {"token": {"type": "string", "minLength": 1, "description": "From the confirmation link."}},
            "required": ["token"],
        },
        "SubscriptionPending": {
            "type": "object", "properties": {"status": {"const": "pending"}}, "required": ["status"],
        },  # fmt: skip
        "SubscriptionConfirmed": {
            "type": "object",
            "properties": {"status": {"const": "confirmed"}, "preferences_token": {"type": "string", "minLength": 1}},
            "required": ["status", "preferences_token"],
        },
        "SubscriptionOptions": {
            "type": "object",
            "properties": {
                "languages": {"type": "array", "items": {"type": "string", "enum": supported_languages()}},
                "channels": {"type": "array", "items": {"type": "string", "enum": ["email", "sms"]}},
                "wijken": NAMED,
                "themes": NAMED,
            },
            "required": ["languages", "channels", "wijken", "themes"],
        },
        "Preferences": {
            "type": "object",
            "properties": {
                "email": {"type": "string", "description": "Masked: j…@example.org."},
                "language": {"type": "string", "enum": supported_languages()},
                "channels": {
                    "type": "object",
                    "properties": {"email": {"type": "boolean"}, "sms": {"type": "boolean"},
                                   "voice": {"type": "boolean", "description": "\"Bel mij\": calls that read messages aloud."}},
                    "required": ["email", "sms", "voice"],
                },
                "wijken": SLUGS,
                "themes": SLUGS,
                "press": {"type": "boolean"},
                "crisis": {"type": "boolean"},
                "confirmed": {"type": "boolean", "description": "False while a subscription waits for its confirmation link."},
            },
            "required": ["email", "language", "channels", "wijken", "themes", "press", "crisis", "confirmed"],
            "additionalProperties": False,
        },
        "PreferencesChange": {**_choices(serializer_schema(PreferencesSerializer())), **SMS_NEEDS_PHONE},
        "Unsubscribed": {
            "type": "object", "properties": {"status": {"const": "unsubscribed"}}, "required": ["status"],
        },  # fmt: skip
        "FieldProblem": {
            "allOf": [
                _ref("Problem"),
                {
                    "type": "object",
                    "properties": {
                        "errors": {
                            "type": "object",
                            "description": "Messages per field (`channels.sms` for nested ones; `body` for the body).",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        }
                    },
                    "required": ["errors"],
                },
            ]
        },
    }
