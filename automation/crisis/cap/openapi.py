"""The CAP feed's and documents' part of the OpenAPI documents (in the `automation` group).

Listed in the crisis part of the documents by `automation.crisis.openapi`. Media types, parameter
values and the cache header come from the code that answers, so the document follows it.
"""

from __future__ import annotations

from automation.crisis.cap.document import CONTENT_TYPE as CAP_CONTENT_TYPE
from automation.crisis.cap.feed import ATOM_CONTENT_TYPE, RECENT
from automation.languages import supported_languages
from cms.api.openapi.common import CONDITIONAL, VALIDATOR_HEADERS
from cms.http.openapi.shared import problem, query

XML_TEXT = {"type": "string"}
RATE_LIMITED = {
    **problem("Too many requests from this address; anonymous clients are rate limited."),
    "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}},
}


def _media(content_type: str) -> str:
    return content_type.split(";")[0]


def cap_paths() -> dict:
    return {
        "/api/automation/crisis/cap/feed.atom": {
            "get": {
                "operationId": "getCrisisCapFeed",
                "summary": "Crisis alerts as CAP 1.2: an Atom feed of the active and recently ended alerts",
                "description": (
                    "One entry per alert for its latest CAP message (Alert, Update or Cancel; the entry's "
                    "category is the msgType), linking to the CAP document (`rel=alternate`, "
                    f"`type={_media(CAP_CONTENT_TYPE)}`). Every active alert and the {RECENT} most recently "
                    "ended ones, newest first. Poll it with If-None-Match / If-Modified-Since."
                ),
                "parameters": [
                    query("lang", "Language of the entries' titles and summaries (default nl; each CAP "
                          "document holds every language).", {"type": "string", "enum": [*supported_languages(), ""]}),
                    *CONDITIONAL,
                ],
                "responses": {
                    "200": {"description": "The Atom 1.0 feed.", "headers": VALIDATOR_HEADERS,
                            "content": {_media(ATOM_CONTENT_TYPE): {"schema": XML_TEXT}}},
                    "304": {"description": "Not modified: your copy (ETag / date) is current."},
                    "400": problem("An unknown query parameter or an unsupported `lang`."),
                    "429": RATE_LIMITED,
                },
            }
        },
        "/api/automation/crisis/cap/{id}.xml": {
            "get": {
                "operationId": "getCrisisCapMessage",
                "summary": "One CAP 1.2 message of a crisis alert (OASIS CAP 1.2 XML)",
                "description": (
                    "msgType Alert when the alert was confirmed, Update when its words changed after, Cancel "
                    "when it ended (responseType AllClear); Update and Cancel reference the earlier messages. "
                    "An `info` per language (nl-BE, en, fr-BE) and an `area` per wijk: a circle, or polygons "
                    "once the wijk boundaries are loaded, with geocodes `NIS` (the municipality) and `wijk` "
                    "(the wijk's slug). A city-wide alert has one area, the city."
                ),
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "description": "The CAP message's id, from the feed.",
                     "schema": {"type": "integer"}},
                    *CONDITIONAL,
                ],
                "responses": {
                    "200": {"description": "The CAP 1.2 document.", "headers": VALIDATOR_HEADERS,
                            "content": {_media(CAP_CONTENT_TYPE): {"schema": XML_TEXT}}},
                    "304": {"description": "Not modified: your copy (ETag / date) is current."},
                    "404": problem("No CAP message with this id."),
                    "429": RATE_LIMITED,
                },
            }
        },
    }

