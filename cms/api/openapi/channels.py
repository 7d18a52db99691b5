"""The OpenAPI parts for what is not JSON-by-path: feeds (RSS, Atom, iCalendar, sitemap), the
signage playlist, and the outgoing webhooks (OpenAPI 3.1's top-level `webhooks`).

Values come from the code that answers: the feed media types from the views' own content
types, the webhook events from `WebhookEvent`, the signature headers from `signing`, the
playlist's durations and kinds from `playlist`, so the document follows the code.
"""

from __future__ import annotations

from django.conf import settings

from cms.api.feeds.calendar import CONTENT_TYPE as ICALENDAR
from cms.api.openapi.common import COMMON_RESPONSES, CONDITIONAL, VALIDATOR_HEADERS
from cms.api.schemas import DATE_TIME, RENDITION
from cms.api.signage.playlist import DURATION_SECONDS
from cms.api.webhooks import signing
from cms.api.webhooks.models import WebhookEvent
from cms.http.openapi.shared import problem, query

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
LANGUAGE = query("language", "Language of the items (default nl).", {"type": "string", "enum": LANGUAGES})
FEED_MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FORMAT = {"name": "fmt", "in": "path", "required": True, "description": "rss or atom",
          "schema": {"type": "string", "enum": list(FEED_MEDIA_TYPES)}}
SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
XML_TEXT = {"type": "string"}


def _document(summary: str, media_types: list[str], params: list, *, description: str = "") -> dict:
    """A GET answering a non-JSON document (feed, calendar, sitemap) with validators."""
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": [*params, *CONDITIONAL],
            "responses": {
                "200": {
                    "description": summary,
                    "headers": VALIDATOR_HEADERS,
                    "content": {media_type: {"schema": XML_TEXT} for media_type in media_types},
                },
                **COMMON_RESPONSES,
                "404": problem("No such wijk or theme (or feed format)."),
            },
        }
    }


FEED_TYPES = list(FEED_MEDIA_TYPES.values())

SIGNAGE_ITEM = {
    "type": "object",
    "properties": {
        "position": {"type": "integer", "minimum": 1},
        "kind": {"type": "string", "enum": sorted(DURATION_SECONDS)},
        "page_id": {"type": "integer"},
        "title": {"type": "string", "maxLength": 60},
        "image": RENDITION,
        "qr_target": {"type": ["string", "null"], "format": "uri"},
        "duration_seconds": {"type": "integer"},
        "valid_from": DATE_TIME,
        "valid_until": DATE_TIME,
        "starts_at": DATE_TIME,
        "ends_at": DATE_TIME,
        "location": {"type": ["string", "null"]},
    },
    "required": ["position", "kind", "page_id", "title", "image", "qr_target", "duration_seconds",
                 "valid_from", "valid_until"],
}
SIGNAGE_PLAYLIST = {
    "type": "object",
    "description": "What a wijk's screens show, in rotation order; each item carries its own validity window.",
    "properties": {
        "wijk": {"type": ["object", "null"], "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                 "required": ["slug", "name"], "description": "null: the city-wide playlist."},
        "language": {"type": "string", "enum": LANGUAGES},
        "total_duration_seconds": {"type": "integer"},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/SignageItem"}},
    },
    "required": ["wijk", "language", "total_duration_seconds", "items"],
}

WEBHOOK_PAYLOAD = {
    "type": "object",
    "description": "Signed JSON body of an outgoing webhook: revalidate what you cached for `path` (and "
    "`old_path` on a move), in every language sharing `uid`.",
    "properties": {
        "event_id": {"type": "string", "format": "uuid", "description": "The same on every retry: de-duplicate on it."},
        "event": {"type": "string", "enum": [event.value for event in WebhookEvent]},
        "timestamp": {"type": "integer", "description": "Unix seconds; also in the signed X-Vrijhaven-Timestamp."},
        "page_id": {"type": "integer"},
        "uid": {"type": "string", "description": "translation_key: shared by the page's translations."},
        "locale": {"type": "string"},
        "type": {"type": ["string", "null"]},
        "path": {"type": ["string", "null"], "description": "The page's path on the public site."},
        "old_path": {"type": ["string", "null"], "description": "page.moved only: the path before the move."},
    },
    "required": ["event_id", "event", "timestamp", "page_id", "uid", "locale", "type", "path"],
}
WEBHOOK_HEADERS = [
    {"name": signing.SIGNATURE_HEADER, "in": "header", "required": True,
     "description": "`sha256=` + hex HMAC-SHA256 of the exact body with the endpoint's secret.",
     "schema": {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"}},
    {"name": signing.TIMESTAMP_HEADER, "in": "header", "required": True, "schema": {"type": "string"}},
    {"name": signing.EVENT_ID_HEADER, "in": "header", "required": True, "schema": {"type": "string"}},
    {"name": signing.EVENT_HEADER, "in": "header", "required": True,
     "schema": {"type": "string", "enum": [event.value for event in WebhookEvent]}},
]


def _webhook(event: WebhookEvent) -> dict:
    return {
        "post": {
            "summary": f"{event.value}: sent to each configured front end",
            "description": "Sent by a task after the change commits, retried with backoff until a 2xx; "
            "verify the signature before acting.",
            "parameters": WEBHOOK_HEADERS,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookPayload"}}},
            },
            "responses": {
                "2XX": {"description": "Received; any 2xx ends the retries."},
                "default": {"description": "Anything else (or no answer) is retried later."},
            },
        }
    }


def channel_paths() -> dict:
    return {
        "/api/feeds/press/{fmt}/": _document("Press releases as RSS or Atom", FEED_TYPES, [FORMAT, LANGUAGE],
                                             description="After the embargo ends; newest first."),
        "/api/feeds/wijk/{slug}/{fmt}/": _document("A wijk's news (its wijkkrant and city-wide articles)",
                                                   FEED_TYPES, [SLUG, FORMAT, LANGUAGE]),
        "/api/feeds/theme/{slug}/{fmt}/": _document("Every page about a theme", FEED_TYPES, [SLUG, FORMAT, LANGUAGE]),
        "/api/feeds/events.ics": _document("Events of the whole city (iCalendar)", [ICALENDAR.split(";")[0]],
                                           [LANGUAGE]),
        "/api/feeds/wijk/{slug}/events.ics": _document("A wijk's events (iCalendar)", [ICALENDAR.split(";")[0]],
                                                       [SLUG, LANGUAGE]),
        "/sitemap.xml": _document("Every public page with its translations (hreflang)", ["application/xml"],
                                  [query("p", "Part of a long sitemap (50,000 addresses each).",
                                         {"type": "integer", "minimum": 1})]),
        "/api/signage/": {
            "get": {
                "summary": "The city-wide playlist: what is for everybody (no wijk's own items)",
                "parameters": [LANGUAGE, *CONDITIONAL],
                "responses": {
                    "200": {"description": "The playlist", "headers": VALIDATOR_HEADERS,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignagePlaylist"}}}},
                    **COMMON_RESPONSES,
                },
            }
        },
        "/api/signage/{slug}/": {
            "get": {
                "summary": "The playlist for the screens in a wijk's buildings",
                "parameters": [SLUG, LANGUAGE, *CONDITIONAL],
                "responses": {
                    "200": {"description": "The playlist", "headers": VALIDATOR_HEADERS,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignagePlaylist"}}}},
                    **COMMON_RESPONSES,
                    "404": problem("No wijk with this slug."),
                },
            }
        },
    }


def channel_schemas() -> dict:
    return {"SignageItem": SIGNAGE_ITEM, "SignagePlaylist": SIGNAGE_PLAYLIST, "WebhookPayload": WEBHOOK_PAYLOAD}


def webhooks() -> dict:
    return {event.value: _webhook(event) for event in WebhookEvent}

