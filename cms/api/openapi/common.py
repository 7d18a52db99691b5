"""The content API's own OpenAPI building blocks: validators, conditional requests, common answers.

Every content API answer is cacheable (ETag, Last-Modified, 304) and rate limited for
anonymous clients (429); the pieces saying so are shared by the page, channel and search
parts of the document. What every endpoint of the platform shares (the Problem schema, a
problem answer, a query parameter) is in the HTTP kernel, cms/http/openapi/shared.py.
"""

from __future__ import annotations

from cms.api.caching import CACHE_CONTROL
from cms.http.openapi.shared import problem

VALIDATOR_HEADERS = {
    "ETag": {"description": "Weak validator; send it back in If-None-Match.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "Newest publication among the pages in the answer.", "schema": {"type": "string"}},
    "Cache-Control": {"description": f"`{CACHE_CONTROL}`", "schema": {"type": "string"}},
}


def ok(description: str, schema: dict) -> dict:
    return {"description": description, "headers": VALIDATOR_HEADERS, "content": {"application/json": {"schema": schema}}}


CONDITIONAL = [
    {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"}},
    {"name": "If-Modified-Since", "in": "header", "required": False, "schema": {"type": "string"}},
]
COMMON_RESPONSES = {
    "304": {"description": "Not modified: your copy (ETag / date) is current."},
    "400": problem("A query parameter is unknown or invalid; `invalid_params` names it."),
    "404": problem("No published page here (drafts, scheduled, expired and restricted pages are never shown)."),
    "429": {
        **problem("Too many requests from this address; anonymous clients are rate limited. Trusted front ends "
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


def security_schemes() -> dict:
    return {"clientKey": CLIENT_KEY_SCHEME}
