"""The one JSON body parser of every JSON endpoint: an object within the limits, or a refusal.

A body is the one input a client controls entirely, so it is read here and nowhere else,
and no body can make an endpoint answer 500:

- larger than `JSON_BODY_MAX_BYTES` (or the endpoint's own limit): 413, decided from
  Content-Length before a byte is read (Django's own limit would answer an HTML 400);
- nested deeper than `JSON_BODY_MAX_DEPTH`: 400, found by a flat scan before `json.loads`
  runs, since its C parser recurses and 1,000 levels end in a RecursionError (a body with
  no more brackets in all than the limit allows skips the scan: it cannot nest deeper);
- not UTF-8 (or the UTF-16/32 `json.loads` also detects), not JSON, or JSON that is not an
  object: 400.

Every refusal names `body`. `BodyRefused.problem()` is the platform's answer to it (the
subscription contract's invalid-fields shape for a 400); an endpoint whose contract words
its 400 differently (the dossier events) builds its own from `reason`.
"""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig

from cms.http.field_problems import invalid_fields
from cms.http.problems import InvalidParam, Problem

BODY = "body"
# A JSON string (an unterminated one runs to the end, so the scan never backtracks) or a bracket.
_TOKENS = re.compile(r'"(?:[^"\\]++|\\.?)*+(?:"|\Z)|[\[\]{}]', re.DOTALL)
_OPENING = frozenset("[{")


class BodyRefused(Exception):
    """The body is not a JSON object within the limits; `reason` says why, for the client."""

    def __init__(self, *, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason

    def problem(self) -> Problem:
        if self.status == 413:
            return Problem(
                status=413,
                slug="body-too-large",
                title="The body is too large",
                detail=self.reason,
                invalid_params=[InvalidParam(BODY, self.reason)],
            )
        return invalid_fields(errors={BODY: [self.reason]})


def request_body(request, *, max_bytes: int | None = None) -> bytes:
    """The raw body (as a signature is computed over it), refused with 413 beyond `max_bytes`."""
    limit = settings.JSON_BODY_MAX_BYTES if max_bytes is None else max_bytes
    too_large = BodyRefused(status=413, reason=f"The body is larger than {limit} bytes.")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BodyRefused(status=400, reason="The Content-Length header is not a number.") from None
    if declared > limit:
        raise too_large
    try:
        raw = request.body
    except RequestDataTooBig:
        raise too_large from None
    if len(raw) > limit:
        raise too_large
    return raw


def json_object_parse(raw: bytes | str, *, max_depth: int | None = None, subject: str = "The body") -> dict:
    """`raw` as a dict; empty counts as `null`, which is not an object. `subject` words the reasons."""
    limit = settings.JSON_BODY_MAX_DEPTH if max_depth is None else max_depth
    try:
        text = raw.decode(json.detect_encoding(raw), "surrogatepass") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise BodyRefused(status=400, reason=f"{subject} is not valid JSON: {error}.") from None
    if _deeper_than(text, limit):
        raise BodyRefused(status=400, reason=f"{subject} is nested deeper than {limit} levels.")
    try:
        document = json.loads(text or "null")
    except json.JSONDecodeError as error:
        raise BodyRefused(status=400, reason=f"{subject} is not valid JSON: {error}.") from None
    if not isinstance(document, dict):
        raise BodyRefused(status=400, reason=f"{subject} must be a JSON object.")
    return document


def json_object(request, *, max_bytes: int | None = None, max_depth: int | None = None) -> dict:
    """The request's body as a dict; raises BodyRefused (413 or 400, naming `body`) otherwise."""
    return json_object_parse(request_body(request, max_bytes=max_bytes), max_depth=max_depth)


def _deeper_than(text: str, limit: int) -> bool:
    if text.count("[") + text.count("{") <= limit:  # fewer openings than the limit: no nesting can pass it
        return False
    depth = 0
    for token in _TOKENS.finditer(text):
        bracket = token.group()
        if bracket in _OPENING:
            depth += 1
            if depth > limit:
                return True
        elif bracket in "]}":
            depth -= 1
    return False
