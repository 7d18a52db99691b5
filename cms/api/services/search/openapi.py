"""The search endpoints' part of the OpenAPI document (registered by cms/api/openapi/registration.py).

Kept beside the endpoint so a change of parameters or answer shape is made in one folder;
limits come from the same constants the parameter checks use.
"""

from __future__ import annotations

from cms.api.openapi.common import COMMON_RESPONSES, CONDITIONAL, PATH_PARAM, ok
from cms.http.openapi.shared import problem, query
from search.answerability import Reason
from search.query import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULTS, SearchMode

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
        "no_answer": {
            "type": ["object", "null"],
            "description": "Set when the search decided the site holds no answer (hybrid mode), so it shows nothing: "
            "why, in a reason code and a sentence, and the figures it weighed (search/answerability.py). "
            "Null when results were looked for, even if none were found.",
            "properties": {
                "reason": {"type": "string", "enum": [str(reason) for reason in Reason]},
                "explanation": {
                    "type": "string",
                    "examples": ["No word of the question occurs on the site and nothing comes close in meaning."],
                },
                "words": {"type": "integer", "description": "Words of the question weighed (stop words aside)."},
                "words_found": {"type": "integer", "description": "Of those, words that match some page."},
                "word_share": {
                    "type": "number",
                    "description": "Share of the question's weight (idf) whose stems occur on the site.",
                },
                "margin": {
                    "type": "number",
                    "description": "How far the nearest page stands out in meaning: its score minus the k-th nearest.",
                },
            },
            "required": ["reason", "explanation", "words", "words_found", "word_share", "margin"],
        },
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
                    "type": {
                        "type": "string",
                        "description": "The kind of page: its page type as the content API names types, or "
                        "`themes.DocumentSection` for a chapter or section of an imported document (the policy note).",
                        "examples": ["themes.ThemePage", "themes.DocumentSection"],
                    },
                    "language": {"type": "string"},
                    "score": {"type": "number"},
                    "highlight": {"type": "string", "description": "HTML snippet, query words in `<mark>`."},
                    "click": {
                        "type": ["string", "null"],
                        "format": "uri",
                        "description": "Where to send a reader who opens this result: `/api/search/click/?t=...` "
                        "records (anonymously) that the result at this position was opened for this query, then "
                        "redirects to the page. A front end that keeps the API private passes the `t` token on from "
                        "its own address. Null for `@search` below a page and for a query that looks like personal "
                        "data (it is not logged); link to the page itself then.",
                    },
                },
                "required": ["@id", "url", "title", "type", "language", "score", "highlight", "click"],
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

Q = {**query("q", f"The words to search for (1 to {MAX_QUERY_LENGTH} characters, not only spaces).",
             {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH, "pattern": r"\S"}), "required": True}
SEARCH_PARAMS = [
    Q,
    query("theme", "Theme slug(s), comma-separated; any of them (OR). An unknown value gives no results."),
    query("wijk", "Wijk slug(s), comma-separated; any of them (OR)."),
    query("type", "Page type(s), e.g. `themes.ThemePage` or `themes.DocumentSection`, comma-separated (OR)."),
    query("lang", "Only pages in this language (nl, en, fr); also the language the query is analysed in."),
    query("mode", "keyword: pages holding the words, those covering more of the question first; "
          "vector: pages close in meaning, in any language, above the embedder's similarity floor; "
          "hybrid: both, ranked by meaning with a bonus for the words (see search/fusion.py).",
          {"enum": [mode.value for mode in SearchMode], "default": SearchMode.HYBRID.value}),
    query("page", f"Page of results, from 1. Only the first {MAX_RESULTS} results can be paged to: a page past "
          "them is empty (`items_total` still counts every result).", {"type": "integer", "minimum": 1, "default": 1}),
    query("page_size", "Results per page.",
          {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE}),
    query("date_from", "Only pages dated (or running) on or after this day; empty: no bound (a form's empty field).",
          {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]}),
    query("date_to", "Only pages dated on or before this day; before `date_from`, no page matches; empty: no bound.",
          {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]}),
]
RESPONSES = {"200": ok("Results, facets and highlights", {"$ref": "#/components/schemas/SearchResults"}),
             **COMMON_RESPONSES}
SEARCH_LOG = (
    "Each search is kept in an anonymous log for the city's editors: the normalised query (lowercase, "
    "spaces collapsed), its language and the number of results; only page 1 of a search without facet "
    "or date filters counts. No address, cookie, user agent or time of day is kept, and a query that "
    "looks like personal data (an e-mail address, a phone, national register or account number, a long "
    "string of digits) is not kept at all. Raw rows are deleted after `SEARCH_LOG_RETENTION_DAYS`."
)
PATHS = {
    "/api/search/": {
        "get": {"summary": "Search all published pages (hybrid keyword + semantic)", "description": SEARCH_LOG,
                "parameters": [*SEARCH_PARAMS, *CONDITIONAL], "responses": RESPONSES}
    },
    "/api/search/click/": {
        "get": {
            "summary": "Open a search result: count the click (anonymously), then redirect to the page",
            "description": "The `click` link of a search result. The token is signed by the server and names the "
            "page, so the redirect can only lead to a public page of this site. Nothing about the reader is kept: "
            "the query, its language, the page and the position opened, with the day.",
            "parameters": [{**query("t", "The signed token of a search result's `click` link.",
                                    {"type": "string", "minLength": 1}), "required": True}],
            "responses": {
                "302": {
                    "description": "Counted; the page's public address is in `Location`.",
                    "headers": {"Location": {"description": "The page's public URL.", "schema": {"type": "string"}}},
                },
                "400": problem("`t` is missing (`invalid_params`)."),
                "404": problem("`t` is not a search result link made by this server (`unknown-link`), or the page "
                               "of this result is no longer public."),
                "429": COMMON_RESPONSES["429"],
            },
        }
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
