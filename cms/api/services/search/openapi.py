"""The search endpoints' part of the OpenAPI document (registered by cms/api/openapi/registration.py).

Kept beside the endpoint so a change of parameters or answer shape is made in one folder;
limits come from the same constants the parameter checks use.
"""

from __future__ import annotations

from cms.api.openapi.common import COMMON_RESPONSES, CONDITIONAL, PATH_PARAM, ok
from cms.http.openapi.shared import query
from search.query import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SearchMode

from .params import DEFAULT_SUGGESTIONS, MAX_QUERY_LENGTH, MAX_SUGGESTIONS

FACET_VALUES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"value": {"type": "string"}, "count": {"type": "integer"}, "selected": {"type": "boolean"}},
        "required": ["value", "count"],
    },
}
METADATA = {
    "type": "object",
    "description": "Which backend answered. When Elasticsearch is unreachable the local backend answers: "
    "`backend` is `local`, `fallback` is true and `reason` says why (results may be incomplete).",
    "properties": {
        "backend": {"type": "string", "examples": ["elasticsearch", "local"]},
        "alias": {"type": ["string", "null"]},
        "embedder": {"type": ["string", "null"]},
        "fallback": {"type": "boolean"},
        "reason": {"type": "string"},
        "pages": {"type": "integer"},
        "scope": {"type": "string", "description": "`@search` only: the public path results are restricted to."},
    },
    "required": ["backend", "fallback"],
}
SEARCH_RESULTS = {
    "type": "object",
    "properties": {
        "@id": {"type": "string", "format": "uri"},
        "query": {"type": "string"},
        "mode": {"enum": [mode.value for mode in SearchMode]},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "@id": {"type": "string", "format": "uri", "description": "The page in the content API."},
                    "url": {"type": "string", "description": "The page's public path on the site."},
                    "title": {"type": "string"},
                    "type": {"type": "string", "examples": ["themes.ThemePage"]},
                    "language": {"type": "string"},
                    "score": {"type": "number"},
                    "highlight": {"type": "string", "description": "HTML snippet, query words in `<mark>`."},
                },
                "required": ["@id", "url", "title", "type", "language", "score", "highlight"],
            },
        },
        "items_total": {"type": "integer"},
        "page": {"type": "integer"},
        "page_size": {"type": "integer"},
        "facets": {
            "type": "object",
            "properties": {facet: FACET_VALUES for facet in ("theme", "wijk", "type", "language")},
        },
        "metadata": METADATA,
    },
    "required": ["@id", "query", "mode", "items", "items_total", "page", "page_size", "facets", "metadata"],
}
SUGGESTIONS = {
    "type": "object",
    "properties": {
        "@id": {"type": "string", "format": "uri"},
        "query": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"@id": {"type": "string", "format": "uri"}, "url": {"type": "string"},
                               "title": {"type": "string"}, "language": {"type": "string"}},
                "required": ["@id", "url", "title", "language"],
            },
        },
        "metadata": METADATA,
    },
    "required": ["@id", "query", "items", "metadata"],
}
SCHEMAS = {"SearchResults": SEARCH_RESULTS, "SearchSuggestions": SUGGESTIONS}

Q = {**query("q", f"The words to search for (1 to {MAX_QUERY_LENGTH} characters).",
             {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH}), "required": True}
SEARCH_PARAMS = [
    Q,
    query("theme", "Theme slug(s), comma-separated; any of them (OR). An unknown value gives no results."),
    query("wijk", "Wijk slug(s), comma-separated; any of them (OR)."),
    query("type", "Page type(s), e.g. `themes.ThemePage`, comma-separated (OR)."),
    query("lang", "Only pages in this language (nl, en, fr); also the language the query is analysed in."),
    query("mode", "keyword: pages holding the words, those covering more of the question first; "
          "vector: pages close in meaning, in any language, above the embedder's similarity floor; "
          "hybrid: both, ranked by meaning with a bonus for the words (see search/fusion.py).",
          {"enum": [mode.value for mode in SearchMode], "default": SearchMode.HYBRID.value}),
    query("page", "Page of results, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
    query("page_size", "Results per page.",
          {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE}),
    query("date_from", "Only pages dated (or running) on or after this day.", {"type": "string", "format": "date"}),
    query("date_to", "Only pages dated on or before this day.", {"type": "string", "format": "date"}),
]
RESPONSES = {"200": ok("Results, facets and highlights", {"$ref": "#/components/schemas/SearchResults"}),
             **COMMON_RESPONSES}
PATHS = {
    "/api/search/": {
        "get": {"summary": "Search all published pages (hybrid keyword + semantic)",
                "parameters": [*SEARCH_PARAMS, *CONDITIONAL], "responses": RESPONSES}
    },
    "/api/content/{path}/@search": {
        "get": {
            "summary": "Search the published pages at or below this page (Plone-style @search)",
            "description": "Scoped after retrieval: results of the whole-site search whose public path starts with "
            "the page's path (within the first 1000 results); facets are counted over those results.",
            "parameters": [PATH_PARAM, *SEARCH_PARAMS, *CONDITIONAL],
            "responses": RESPONSES,
        }
    },
    "/api/search/suggest/": {
        "get": {
            "summary": "Page titles matching what has been typed so far",
            "parameters": [
                {**Q, "description": "What has been typed; the last word may be incomplete."},
                query("lang", "Only titles in this language."),
                query("limit", "Suggestions at most.",
                      {"type": "integer", "minimum": 1, "maximum": MAX_SUGGESTIONS, "default": DEFAULT_SUGGESTIONS}),
                *CONDITIONAL,
            ],
            "responses": {"200": ok("Suggestions", {"$ref": "#/components/schemas/SearchSuggestions"}),
                          **COMMON_RESPONSES},
        }
    },
}
