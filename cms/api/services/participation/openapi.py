"""The reaction endpoint's part of the OpenAPI document (registered by cms/api/openapi/registration.py)."""

from __future__ import annotations

from cms.http.openapi.shared import problem
from cms.projects.submission import MAX_ANSWER, MAX_NAME, MAX_TEXT

REACTION_REQUEST = {
    "type": "object",
    "description": "A reaction to the project's phase that is open for input. Unknown fields are ignored.",
    "properties": {
        "text": {"type": "string", "maxLength": MAX_TEXT, "description": "The reaction (required, not blank)."},
        "phase": {"type": ["integer", "null"], "description": "The open phase's id (`participation.phase`); "
                  "left out: the project's open phase."},
        "answer": {"type": "string", "maxLength": MAX_ANSWER,
                   "description": "Answer to the phase's question: one of `participation.choices`, or free text."},
        "wijk": {"type": "string", "description": "Slug of the wijk the citizen lives in (optional, for the count per wijk)."},
        "language": {"enum": ["nl", "en", "fr"]},
        "contact_consent": {"type": "boolean", "description": "Explicit consent to be contacted. Without it, "
                            "`name` and `email` are dropped, never stored."},
        "name": {"type": "string", "maxLength": MAX_NAME},
        "email": {"type": "string", "format": "email"},
        "website": {"type": "string", "description": "A honeypot: leave it out or empty. Filled, nothing is stored "
                    "(the answer is still 201)."},
    },
    "required": ["text"],
    "additionalProperties": True,
}  # fmt: skip

RECEIVED = {
    "type": "object",
    "properties": {"status": {"const": "received"}},
    "required": ["status"],
}

PATHS = {
    "/api/projects/{id}/reactions/": {
        "post": {
            "operationId": "projectReact",
            "summary": "Give input on a project (a reaction, stored for moderation)",
            "description": "Taken only while the project's current phase is open for input (see the project's "
            "`participation`). Never shown publicly; the team publishes what it did with the input per phase. "
            "Each client may react a limited number of times per window (PROJECTS_REACTION_RATE; a trusted front "
            "end's requests count per citizen it names in X-Vrijhaven-Forwarded-For).",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"},
                 "description": "The project page's id."},
            ],  # fmt: skip
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReactionRequest"}}}},
            "responses": {
                "201": {
                    "description": "Received: stored for moderation (a honeypot hit stores nothing).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReactionReceived"}}},
                },
                "400": problem("A field is invalid; `errors` names each one. Nothing was stored.", "ReactionFieldProblem"),
                "404": problem("No public project has this id."),
                "409": problem("The project takes no reactions now (`input-closed`). Nothing was stored."),
                "413": problem("The body is larger than the JSON body limit (JSON_BODY_MAX_BYTES). Nothing was stored."),
                "429": {
                    **problem("Too many reactions from this client (PROJECTS_REACTION_RATE). Nothing was stored."),
                    "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer", "minimum": 1}}},
                },
            },
        }
    }
}
FIELD_PROBLEM = {
    "allOf": [
        {"$ref": "#/components/schemas/Problem"},
        {
            "type": "object",
            "properties": {
                "errors": {
                    "type": "object",
                    "description": "Messages per field (`body` for the body as a whole).",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            },
            "required": ["errors"],
        },
    ]
}
SCHEMAS = {"ReactionRequest": REACTION_REQUEST, "ReactionReceived": RECEIVED, "ReactionFieldProblem": FIELD_PROBLEM}
