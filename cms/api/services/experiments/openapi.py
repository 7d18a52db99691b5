"""The page experiment's parts of the OpenAPI document: the `experiment` member of a content
answer and the counting redirect `/api/experiments/click/`."""

from __future__ import annotations

from cms.api.openapi.common import COMMON_RESPONSES
from cms.http.openapi.shared import problem, query
from cms.experiments.pages.models import ExperimentField

EXPERIMENT_SCHEMA = {
    "type": "object",
    "description": "Only while an experiment runs on the page: which version this answer shows. Such an answer "
    "is drawn for one view (`Cache-Control: private, no-store`, no ETag) and counted as one view: ask once per "
    "page view and do not share it. Every call-to-action block that leads to `measured_link` now leads to "
    "`click`, which counts a click in this view (once) and redirects there.",
    "properties": {
        "version": {"type": "string", "description": "`A` is the page as published; `B`, `C`, ... the other versions."},
        "field": {"enum": [value for value, _label in ExperimentField.choices]},
        "measured_link": {"type": "string", "format": "uri", "description": "Where the measured button really leads."},
        "click": {"type": "string", "format": "uri",
                  "description": "`/api/experiments/click/?t=...`: the button's address in this answer. A front end that "
                  "keeps the API private passes the `t` token on from its own address."},
    },
    "required": ["version", "field", "measured_link", "click"],
}

PATHS = {
    "/api/experiments/click/": {
        "get": {
            "summary": "Follow a page experiment's measured link: count the click of that view once, then redirect",
            "description": "The `click` link of a content answer with an `experiment`. The token is signed by the "
            "server and names one page view; the redirect goes to the experiment's measured link, stored by an "
            "editor, never to an address from the request. The first use counts; later uses (and uses more than "
            "a day after the view) redirect without counting. Nothing about the reader is kept.",
            "parameters": [{**query("t", "The signed token of a measured link (`experiment.click`).",
                                    {"type": "string", "minLength": 1}), "required": True}],
            "responses": {
                "302": {
                    "description": "Counted (the first time); the measured link is in `Location`.",
                    "headers": {"Location": {"description": "The measured link.", "schema": {"type": "string"}}},
                },
                "400": problem("`t` is missing, or another parameter is unknown (`invalid_params`)."),
                "404": problem("`t` is not a measured link made by this server (`unknown-link`), or its experiment "
                               "was deleted."),
                "429": COMMON_RESPONSES["429"],
            },
        }
    },
}
