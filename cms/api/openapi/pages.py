"""The pages' part of the OpenAPI document: /api/v2/ listings and /api/content/ traversal.

Built from the same code the answers are: page schemas come from cms/api/schemas.py (JSON
Schema 2020-12, which OpenAPI 3.1 embeds as is), parameter names from the views. Registered
with the HTTP kernel's OpenAPI registry by cms/api/openapi/registration.py.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.api.batching import DEFAULT_SIZE, MAX_SIZE, MAX_START
from cms.api.openapi import v2_params
from cms.api.openapi.common import COMMON_RESPONSES, CONDITIONAL, PATH_PARAM, VALIDATOR_HEADERS, ok
from cms.api.v2.paging import MAX_OFFSET
from cms.api.v2.views import DocumentsViewSet, ImagesViewSet, PagesViewSet
from cms.api.params import EXPANDABLE
from cms.api.schemas import page_schema, page_types
from cms.core.models import Theme, Wijk
from cms.http.openapi.shared import listed_from_database, problem, query
from cms.readability.api_schema import LEVEL_SCHEMA

BATCH = [
    query("b_start", "Index of the first child in this batch.",
          {"type": "integer", "minimum": 0, "maximum": MAX_START, "default": 0}),
    query("b_size", "Children per batch.", {"type": "integer", "minimum": 1, "maximum": MAX_SIZE, "default": DEFAULT_SIZE}),
]
_COMPONENT = "|".join(EXPANDABLE)
EXPAND = query("expand", f"Comma-separated components to embed: {', '.join(EXPANDABLE)}.",
               {"type": "string", "pattern": rf"^ *(?:(?:{_COMPONENT}) *)?(?:, *(?:(?:{_COMPONENT}) *)?)*$"})


def v2_listing_params(viewset, model) -> list:
    return [
        query("limit", "Items per page (at most WAGTAILAPI_LIMIT_MAX, 20 by default).", v2_params.limit_schema()),
        query("offset", f"Items to skip (at most {MAX_OFFSET}).", v2_params.offset_schema()),
        query("fields", "Fields to add (`a,b`), remove (`-a`), all (`*`, then only removals) or only `id` and `meta` "
              "(`_` first, then only additions, e.g. `_,title`); the names are this listing's fields. Every item "
              "keeps `id` and `meta` (`type`, `detail_url`); removing them by name is a 400 naming `fields`.",
              {"type": "string", "pattern": v2_params.fields_pattern(v2_params.listing_fields(viewset, model))}),
        query("order", "Field to order by; `-field` descending, `random`.", v2_params.order_schema(viewset, model)),
        query("search", "Full-text search: words, any characters (double quotes are read as spaces); no NUL "
              "character, at most 200 characters, else a 400 naming `search`.", v2_params.search_schema()),
    ]

ITEMS = {"type": "object", "properties": {"@id": {"type": "string", "format": "uri"}, "items": {"type": "array", "items": {"type": "object"}}}}
_TRANSLATION = {
    "type": "object",
    "properties": {
        "@id": {"type": ["string", "null"], "format": "uri"},
        "language": {"type": ["string", "null"]},
        "title": {"type": "string"},
    },
    "required": ["@id", "language", "title"],
}
TRANSLATIONS = {
    "type": "object",
    "properties": {
        "@id": {"type": "string", "format": "uri"},
        "items": {"type": "array", "items": _TRANSLATION, "description": "The page's public translations."},
        "fallbacks": {
            "type": "array",
            "description": "For each language of the site without a public translation of the page: the nearest "
            "ancestor that has one in that language (`home`: it is that language's home page).",
            "items": {
                "type": "object",
                "properties": {
                    "@id": {"type": "string", "format": "uri"},
                    "language": {"type": "string"},
                    "title": {"type": "string"},
                    "home": {"type": "boolean"},
                },
                "required": ["@id", "language", "title", "home"],
            },
        },
    },
    "required": ["@id", "items", "fallbacks"],
}
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
            "responses": {"200": ok(summary, schema), **COMMON_RESPONSES},
        }
    }


V2_META = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "detail_url": {"type": "string", "format": "uri"},
        "readability": {**LEVEL_SCHEMA, "description": "Pages, detail only: " + LEVEL_SCHEMA["description"]},
    },
    "required": ["type", "detail_url"],
}


def v2_item(extra: dict | None = None, required=()) -> dict:
    """A v2 item: `id`, `meta` (type, detail_url, ...) and `title`, plus the endpoint's own fields."""
    return {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "meta": V2_META, "title": {"type": "string"}, **(extra or {})},
        "required": ["id", "meta", *required],
    }


def _v2(name: str, extra_params: list, viewset, model, item: dict | None = None, detail_params=()) -> dict:
    item = item or v2_item()
    listing_schema = {**V2_LISTING, "properties": {**V2_LISTING["properties"], "items": {"type": "array", "items": item}}}
    listing = {
        "get": {
            "summary": f"List {name} (Wagtail API v2)",
            "parameters": [*v2_listing_params(viewset, model), *extra_params, *detail_params, *CONDITIONAL],
            "responses": {"200": ok(f"A page of {name}", listing_schema), **COMMON_RESPONSES},
        }
    }
    detail = {
        "get": {
            "summary": f"One of the {name} by id (Wagtail API v2)",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                query("fields", "Fields to add or remove; the item keeps `id` and `meta` (see the listing).",
                      {"type": "string", "pattern": v2_params.fields_pattern(v2_params.detail_fields(viewset, model))}),
                *detail_params,
                *CONDITIONAL,
            ],
            "responses": {"200": ok("The item (`title` unless `fields` removes it)", item), **COMMON_RESPONSES},
        }
    }
    find_params = [query("id", "The item's id.", {"type": "integer", "minimum": 1})]
    if model is Page:
        find_params.append(query("html_path", "The page's path on its site, e.g. `/nl/themas/afval/`."))
    find = {
        "get": {
            "summary": f"Find one of the {name} and redirect to its detail (Wagtail API v2)",
            "parameters": find_params,
            "responses": {
                "302": {"description": "Found: its detail address is in `Location`.",
                        "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}}},
                "400": COMMON_RESPONSES["400"],
                "404": problem("Nothing public matches, or more than one item does."),
                "429": COMMON_RESPONSES["429"],
            },
        }
    }  # fmt: skip
    return {f"/api/v2/{name}/": listing, f"/api/v2/{name}/{{id}}/": detail, f"/api/v2/{name}/find/": find}


def _schema_name(label: str) -> str:
    return label.replace(".", "_")


def page_schemas() -> dict:
    """One schema per page type (the content answer), named `app_Model`."""
    schemas = {}
    for label, model in page_types().items():
        schema = page_schema(model)
        schema.pop("$schema", None)
        schemas[_schema_name(label)] = schema
    return schemas


def page_paths() -> dict:
    types = page_types()
    page_any = {"oneOf": [{"$ref": f"#/components/schemas/{_schema_name(label)}"} for label in sorted(types)]}
    page_id = {"type": "integer", "minimum": 1}
    page_filters = [
        query("type", "Page type(s), e.g. `themes.ThemePage` or `a.A,b.B`; empty: every type.",
              v2_params.list_pattern(types, allow_empty=True)),
        query("locale", "Language code.", {"type": "string", "enum": [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]}),
        query("theme", "Theme slug(s), comma-separated; any of them (OR). An unknown slug is a 400 naming `theme`.",
              v2_params.list_pattern(listed_from_database(lambda: Theme.objects.values_list("slug", flat=True)))),
        query("wijk", "Wijk slug(s), comma-separated; any of them (OR). An unknown slug is a 400 naming `wijk`.",
              v2_params.list_pattern(listed_from_database(lambda: Wijk.objects.values_list("slug", flat=True)))),
        query("child_of", "Parent page id, or `root`. The id of no public page is a 404.",
              {"oneOf": [page_id, {"type": "string", "const": "root"}]}),
        query("descendant_of", "Ancestor page id, or `root`. The id of no public page is a 404.",
              {"oneOf": [page_id, {"type": "string", "const": "root"}]}),
        query("translation_of", "Page id whose translations to list. The id of no public page is a 404.", page_id),
    ]
    return {
        **_v2("pages", page_filters, PagesViewSet, Page),
        **_v2("images", [], ImagesViewSet, get_image_model()),
        **_v2("documents", [], DocumentsViewSet, get_document_model()),
        "/api/content/{path}": _subresource(
            "A published page by its public path (Plone-style traversal)", page_any, [EXPAND, *BATCH]
        ),
        "/api/content/{path}/@children": _subresource("The page's public children, in batches", ITEMS, BATCH),
        "/api/content/{path}/@breadcrumbs": _subresource("The trail from the first section to the page", ITEMS),
        "/api/content/{path}/@navigation": _subresource("The main sections of the page's language", ITEMS),
        "/api/content/{path}/@translations": _subresource(
            "The page's published translations, and where each other language's reader goes instead", TRANSLATIONS
        ),
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
                    "404": problem("The token is missing, invalid, tampered with, expired or names another page."),
                },
            }
        },
        "/api/schema/": {
            "get": {
                "summary": "This document: every operation of the platform (OpenAPI 3.1)",
                "parameters": CONDITIONAL,
                "responses": {
                    "200": {"description": "The document", "headers": VALIDATOR_HEADERS,
                            "content": {"application/vnd.oai.openapi+json": {"schema": {"type": "object"}}}},
                    "304": COMMON_RESPONSES["304"],
                },
            }
        },
        "/api/docs/": {
            "get": {
                "summary": "This document as one self-contained HTML page",
                "responses": {"200": {"description": "The page", "content": {"text/html": {"schema": {"type": "string"}}}}},
            }
        },
        "/api/content/@types": {
            "get": {
                "summary": "The page types",
                "parameters": CONDITIONAL,
                "responses": {"200": ok("Page types with links to their schema", ITEMS), **COMMON_RESPONSES},
            }
        },
        "/api/content/@types/{type}": {
            "get": {
                "summary": "JSON Schema of the content answer for one page type",
                "parameters": [{"name": "type", "in": "path", "required": True, "schema": {"enum": sorted(types)}}, *CONDITIONAL],
                "responses": {"200": ok("A JSON Schema (2020-12)", {"type": "object"}), **COMMON_RESPONSES},
            }
        },
    }
