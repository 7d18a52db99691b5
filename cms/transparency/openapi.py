"""The algorithm register's part of the OpenAPI document (the platform's one document at /api/schema/)."""

from __future__ import annotations

from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import problem
from cms.transparency.entries import LANGUAGES

SETTING = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "description": "The setting as an administrator sets it."},
        "value": {"type": "string", "description": "Its value in force now."},
        "meaning": {"type": "string", "description": "What that value means, in plain words."},
    },
    "required": ["name", "value", "meaning"],
}
ALGORITHM = {
    "type": "object",
    "properties": {
        "key": {"type": "string"},
        "title": {"type": "string"},
        "purpose": {"type": "string", "description": "What it decides, for whom."},
        "method": {"type": "string", "description": "How it decides, in plain words."},
        "data": {"type": "string", "description": "Which data about citizens it uses."},
        "oversight": {"type": "string", "description": "Who can change or overrule it."},
        "source": {"type": "string", "description": "Where it lives in the source code."},
        "settings": {"type": "array", "items": {"$ref": "#/components/schemas/AlgorithmSetting"}},
        "last_changed": {"type": "string", "format": "date", "description": "When this description last changed."},
    },
    "required": ["key", "title", "purpose", "method", "data", "oversight", "source", "settings", "last_changed"],
}
REGISTER = {
    "type": "object",
    "properties": {
        "language": {"type": "string", "enum": list(LANGUAGES)},
        "last_changed": {"type": ["string", "null"], "format": "date"},
        "algorithms": {"type": "array", "items": {"$ref": "#/components/schemas/Algorithm"}},
    },
    "required": ["language", "last_changed", "algorithms"],
}


def register_paths() -> dict:
    return {
        "/api/transparency/": {
            "get": {
                "operationId": "getAlgorithmRegister",
                "summary": "The algorithm register",
                "description": (
                    "Every algorithm that affects what citizens see or receive (search ranking, experiments, "
                    "readability scoring, frequency caps, quiet hours, send times), described from the live "
                    "configuration, with the date each description last changed."
                ),
                "parameters": [
                    {
                        "name": "lang",
                        "in": "query",
                        "required": False,
                        "description": "Language of the texts (default nl; empty is the default too).",
                        "schema": {"type": "string", "enum": [*LANGUAGES, ""], "default": "nl"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The register.",
                        "headers": {
                            "ETag": {"schema": {"type": "string"}},
                            "Cache-Control": {"schema": {"type": "string"}},
                        },
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlgorithmRegister"}}},
                    },
                    "304": {"description": "Not modified: your copy (ETag / date) is current."},
                    "400": problem("An unknown parameter or language, named in invalid_params."),
                },
            }
        }
    }


def register_schemas() -> dict:
    return {"AlgorithmRegister": REGISTER, "Algorithm": ALGORITHM, "AlgorithmSetting": SETTING}


def openapi_parts_register() -> None:
    openapi_part_register(name="transparency", order=40, paths=register_paths, schemas=register_schemas)
