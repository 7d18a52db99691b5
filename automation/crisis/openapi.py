"""The public crisis endpoints' part of the OpenAPI documents, registered by `CrisisConfig.ready`.

In the `automation` group: the banner's endpoint is also in /api/automation/openapi.json.
The CAP feed and documents are described beside their code (cap/openapi.py) and listed here.
"""

from __future__ import annotations

from automation.crisis.cap.openapi import cap_paths
from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import problem

LANGUAGES = ["nl", "en", "fr"]


def crisis_paths() -> dict:
    return {
        "/api/automation/crisis/active/": {
            "get": {
                "operationId": "listActiveCrisisAlerts",
                "summary": "Crisis alerts in force, for a site-wide banner",
                "description": (
                    "Only confirmed (sent) alerts that have not been ended. With `wijk`, the city-wide alerts "
                    "plus that wijk's; an unknown wijk gives an empty list. Texts in `lang`, falling back to "
                    "Dutch. Cacheable for 30 seconds."
                ),
                "parameters": [
                    {
                        "name": "lang",
                        "in": "query",
                        "required": False,
                        "description": "Language of the texts (default nl; empty is the default too).",
                        "schema": {"type": "string", "enum": [*LANGUAGES, ""], "default": "nl"},
                    },
                    {
                        "name": "wijk",
                        "in": "query",
                        "required": False,
                        "description": "Slug of a wijk (core.Wijk), e.g. rabot-blaisantvest.",
                        "schema": {"type": "string"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "The active alerts, newest first.",
                        "headers": {
                            "Cache-Control": {"schema": {"type": "string", "const": "public, max-age=30"}}
                        },
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/ActiveCrisisAlerts"}}
                        },
                    },
                    "400": problem("An unknown query parameter or an unsupported `lang`."),
                },
            }
        }
    }


def crisis_schemas() -> dict:
    return {
        "ActiveCrisisAlerts": {
            "type": "object",
            "properties": {"alerts": {"type": "array", "items": {"$ref": "#/components/schemas/ActiveCrisisAlert"}}},
            "required": ["alerts"],
        },
        "ActiveCrisisAlert": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "headline": {"type": "string"},
                "body": {"type": "string", "description": "Plain text; line breaks as \\n."},
                "language": {"type": "string", "enum": LANGUAGES, "description": "The language of the text given."},
                "wijken": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                        "required": ["slug", "name"],
                    },
                },
                "city_wide": {"type": "boolean"},
                "sent_at": {"type": ["string", "null"], "format": "date-time"},
                "url": {"type": ["string", "null"], "format": "uri"},
            },
            "required": ["id", "headline", "body", "language", "wijken", "city_wide", "sent_at", "url"],
        },
    }


def crisis_and_cap_paths() -> dict:
    return {**crisis_paths(), **cap_paths()}


def openapi_parts_register() -> None:
    """Called from `CrisisConfig.ready`."""
    openapi_part_register(
        name="automation.crisis", order=60, groups=("automation",), paths=crisis_and_cap_paths, schemas=crisis_schemas
    )
