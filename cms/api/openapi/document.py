"""The OpenAPI 3.1 document for /api/v2/ and /api/content/, built from the same code the
answers are: page schemas come from cms/api/schemas.py (JSON Schema 2020-12, which OpenAPI
3.1 embeds as is), the problem shape from problems.py, parameter names from the views.
"""

from __future__ import annotations

from cms.api.batching import DEFAULT_SIZE, MAX_SIZE
from cms.api.caching import CACHE_CONTROL
from cms.api.params import EXPANDABLE
from cms.api.schemas import page_schema, page_types

PROBLEM = {
    "type": "object",
    "description": "RFC 7807 problem details, the one error shape of every content API endpoint.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status"],
}

VALIDATOR_HEADERS = {
    "ETag": {"description": "Weak validator; send it back in If-None-Match.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "Newest publication among the pages in the answer.", "schema": {"type": "string"}},
    "Cache-Control": {"description": f"`{CACHE_CONTROL}`", "schema": {"type": "string"}},
}


def _problem(description: str) -> dict:
    return {"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _ok(description: str, schema: dict) -> dict:
    return {"description": description, "headers": VALIDATOR_HEADERS, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or {"type": "string"}}


CONDITIONAL = [
    {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"}},
    {"name": "If-Modified-Since", "in": "header", "required": False, "schema": {"type": "string"}},
]
COMMON_RESPONSES = {
    "304": {"description": "Not modified: your copy (ETag / date) is current."},
    "400": _problem("A query parameter is unknown or invalid; `invalid_params` names it."),
    "404": _problem("No published page here (drafts, scheduled, expired and restricted pages are never shown)."),
    "429": {
        **_problem("Too many requests from this address; anonymous clients are rate limited. Trusted front ends "
                   "send `X-Vrijhaven-Client-Key` (see the `clientKey` security scheme) and are not."),
        "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}},
    },
}
CLIENT_KEY_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "X-Vrijhaven-Client-Key",
    "description": "Optional. A key from the backend's CONTENT_API_CLIENT_KEYS: the request is not rate limited. "
    "A missing or unknown key is an anonymous request (limited, never refused).",
}
PATH_PARAM = {
    "name": "path",
    "in": "path",
    "required": True,
    "description": "The page's public URL path with its locale prefix, e.g. `nl/themas/grof-huisvuil-laten-ophalen`.",
    "schema": {"type": "string"},
}
BATCH = [
    _query("b_start", "Index of the first child in this batch.", {"type": "integer", "minimum": 0, "default": 0}),
    _query("b_size", "Children per batch.", {"type": "integer", "minimum": 1, "maximum": MAX_SIZE, "default": DEFAULT_SIZE}),
]
EXPAND = _query("expand", f"Comma-separated components to embed: {', '.join(EXPANDABLE)}.")
V2_LISTING_PARAMS = [
    _query("limit", "Items per page (at most WAGTAILAPI_LIMIT_MAX, 20 by default).", {"type": "integer", "minimum": 0}),
    _query("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
    _query("fields", "Fields to add (`a,b`), remove (`-a`), all (`*`) or none (`_`)."),
    _query("order", "Field to order by; `-field` descending, `random`."),
    _query("search", "Full-text search."),
]
ITEMS = {"type": "object", "properties": {"@id": {"type": "string", "format": "uri"}, "items": {"type": "array", "items": {"type": "object"}}}}
V2_LISTING = {
    "type": "object",
    "properties": {
        "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
        "items": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["meta", "items"],
}


def _subresource(summary: str, schema: dict, params: list | None = None) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": [PATH_PARAM, *(params or []), *CONDITIONAL],
            "responses": {"200": _ok(summary, schema), **COMMON_RESPONSES},
        }
    }


V2_META = {
    "type": "object",
    "properties": {"type": {"type": "string"}, "detail_url": {"type": "string", "format": "uri"}},
    "required": ["type", "detail_url"],
}


def v2_item(extra: dict | None = None, required=()) -> dict:
    """A v2 item: `id`, `meta` (type, detail_url, ...) and `title`, plus the endpoint's own fields."""
    return {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "meta": V2_META, "title": {"type": "string"}, **(extra or {})},
        "required": ["id", "meta", *required],
    }


def _v2(name: str, extra_params: list, item: dict | None = None, detail_params=()) -> dict:
    item = item or v2_item()
    listing_schema = {**V2_LISTING, "properties": {**V2_LISTING["properties"], "items": {"type": "array", "items": item}}}
    listing = {
        "get": {
            "summary": f"List {name} (Wagtail API v2)",
            "parameters": [*V2_LISTING_PARAMS, *extra_params, *detail_params, *CONDITIONAL],
            "responses": {"200": _ok(f"A page of {name}", listing_schema), **COMMON_RESPONSES},
        }
    }
    detail = {
        "get": {
            "summary": f"One of the {name} by id (Wagtail API v2)",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                _query("fields", "Fields to add or remove."),
                *detail_params,
                *CONDITIONAL,
            ],
            "responses": {"200": _ok("The item", {**item, "required": [*item["required"], "title"]}),
                          **COMMON_RESPONSES},
        }
    }
    return {f"/api/v2/{name}/": listing, f"/api/v2/{name}/{{id}}/": detail}


def openapi_document() -> dict:
    types = page_types()
    schemas = {"Problem": PROBLEM}
    for label, model in types.items():
        schema = page_schema(model)
        schema.pop("$schema", None)
        schemas[label.replace(".", "_")] = schema
    page_any = {"oneOf": [{"$ref": f"#/components/schemas/{label.replace('.', '_')}"} for label in sorted(types)]}
    page_filters = [
        _query("type", "Page type(s), e.g. `themes.ThemePage` or `a.A,b.B`."),
        _query("locale", "Language code: nl, en, fr."),
        _query("theme", "Theme slug(s), comma-separated; any of them (OR)."),
        _query("wijk", "Wijk slug(s), comma-separated; any of them (OR)."),
        _query("child_of", "Parent page id, or `root`."),
        _query("descendant_of", "Ancestor page id."),
        _query("translation_of", "Page id whose translations to list."),
    ]
    paths = {
        **_v2("pages", page_filters),
        **_v2("images", []),
        **_v2("documents", []),
        "/api/content/{path}": _subresource(
            "A published page by its public path (Plone-style traversal)", page_any, [EXPAND, *BATCH]
        ),
        "/api/content/{path}/@children": _subresource("The page's public children, in batches", ITEMS, BATCH),
        "/api/content/{path}/@breadcrumbs": _subresource("The trail from the first section to the page", ITEMS),
        "/api/content/{path}/@navigation": _subresource("The main sections of the page's language", ITEMS),
        "/api/content/{path}/@translations": _subresource("The page's published translations", ITEMS),
        "/api/preview/": {
            "get": {
                "summary": "A draft revision, for an editor's preview in the front end",
                "description": "The content answer of the revision a preview token names. The admin's "
                "'Voorbeeld in front end' button mints the token (signed, one hour). Never cached: "
                "`Cache-Control: private, no-store`, no ETag.",
                "parameters": [
                    {"name": "token", "in": "query", "required": True, "schema": {"type": "string"}},
                    EXPAND,
                    *BATCH,
                ],
                "responses": {
                    "200": {"description": "The draft", "content": {"application/json": {"schema": page_any}}},
                    "400": COMMON_RESPONSES["400"],
                    "404": _problem("The token is missing, invalid, tampered with, expired or names another page."),
                },
            }
        },
        "/api/content/@types": {
            "get": {
                "summary": "The page types",
                "parameters": CONDITIONAL,
                "responses": {"200": _ok("Page types with links to their schema", ITEMS), **COMMON_RESPONSES},
            }
        },
        "/api/content/@types/{type}": {
            "get": {
                "summary": "JSON Schema of the content answer for one page type",
                "parameters": [{"name": "type", "in": "path", "required": True, "schema": {"enum": sorted(types)}}, *CONDITIONAL],
                "responses": {"200": _ok("A JSON Schema (2020-12)", {"type": "object"}), **COMMON_RESPONSES},
            }
        },
    }
    from cms.api.openapi import channels  # these import this module's helpers
    from cms.api.services.search import openapi as search

    from automation.api import openapi as automation  # the dossier events contract, same document

    paths.update(channels.channel_paths())
    schemas.update(channels.channel_schemas())
    paths.update(search.PATHS)
    schemas.update(search.SCHEMAS)
    paths.update(automation.automation_paths())
    schemas.update(automation.automation_schemas())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vrijhaven content API",
            "version": "1.0.0",
            "description": "Published content of the City of Ghent: Wagtail API v2 and Plone-style traversal. "
            "Every answer carries ETag and Last-Modified; errors are RFC 7807 problem+json.",
        },
        "paths": paths,
        "webhooks": channels.webhooks(),
        "components": {"schemas": schemas, "securitySchemes": {"clientKey": CLIENT_KEY_SCHEME}},
    }
