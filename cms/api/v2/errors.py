"""Turn Wagtail API v2's plain-text 400s into problem details naming the parameter.

Wagtail raises `BadRequestError("limit must be a positive integer")`; a client needs to
know *which* parameter to fix without parsing English. The phrases below are the ones
wagtail/api/v2 raises; anything unrecognised is attributed to the first query parameter the
message names, so a new Wagtail message still gets a name.

A filter naming a page that is not public (`?child_of=`, `?descendant_of=`,
`?translation_of=` with the id of no public page) is a 404 naming the parameter, not a 400:
the request is well-formed, the page it names is not there, as for /api/v2/pages/<id>/.
"""

from __future__ import annotations

import re

from cms.http.problems import InvalidParam, Problem, bad_request, not_found

# (pattern in Wagtail's message, parameter at fault); the first match wins.
MESSAGE_PARAMS = [
    (r"^offset", "offset"),
    (r"^limit", "limit"),
    (r"^unknown fields|^fields error|does not support nested fields", "fields"),
    (r"^type doesn't exist", "type"),
    (r"^child_of|^parent page doesn't exist", "child_of"),
    (r"^ancestor_of|^ancestor page doesn't exist", "ancestor_of"),
    (r"^descendant_of|^descendant page doesn't exist", "descendant_of"),
    (r"^translation_of|^translation_of page doesn't exist", "translation_of"),
    (r"order", "order"),
    (r"search", "search"),
    (r"rich.text", "rich_text_format"),
    (r"site", "site"),
]


def param_named_by(message: str, request) -> str:
    match = re.search(r"is not a valid value for (\w+)|null characters are not allowed for (\w+)", message)
    if match:
        return match.group(1) or match.group(2)
    for pattern, name in MESSAGE_PARAMS:
        if re.search(pattern, message):
            return name
    for name in request.GET:
        if re.search(rf"\b{re.escape(name)}\b", message):
            return name
    return "query"


MISSING_PAGE = re.compile(r"^(parent|ancestor|descendant|translation_of) page doesn't exist$")


def problem_from_bad_request(message: str, request) -> Problem:
    name = param_named_by(message, request)
    if MISSING_PAGE.match(message):
        return not_found(f"{name}: no public page has this id")
    return bad_request(InvalidParam(name, message))
