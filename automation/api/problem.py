"""One error format for every endpoint: the platform's RFC 7807 problem details (cms.api.problems).

    {"type": "https://vrijhaven.dev/problems/invalid-event", "title": "...", "status": 400,
     "detail": "...", "invalid_params": [{"name": "citizen.phone", "reason": "..."}]}

Built by the content API's own `Problem`, so the whole platform answers errors in one
shape from one implementation. For a request body, `name` is the dotted path of the field
("citizen.consent.sms"; "" for the body as a whole), so a case system's developer sees
every mistake in one answer. Views never build error payloads by hand.
"""

from __future__ import annotations

from django.http import JsonResponse

from cms.api.problems import InvalidParam, Problem
from cms.api.problems import problem_response as _respond

__all__ = ["InvalidParam", "flatten_errors", "problem_response"]


def problem_response(
    *, status: int, slug: str, title: str, detail: str = "", invalid_params: list[InvalidParam] | None = None
) -> JsonResponse:
    return _respond(Problem(status=status, slug=slug, title=title, detail=detail, invalid_params=invalid_params or []))


def flatten_errors(detail, prefix: str = "") -> list[InvalidParam]:
    """Turn a DRF-style nested error dict/list into dotted-path invalid params."""
    if isinstance(detail, dict):
        params: list[InvalidParam] = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            path = ".".join(part for part in (prefix, name) if part)
            params.extend(flatten_errors(value, path))
        return params
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [InvalidParam(prefix, str(item)) for item in detail]
        params = []
        for index, item in enumerate(detail):
            params.extend(flatten_errors(item, f"{prefix}[{index}]" if prefix else f"[{index}]"))
        return params
    return [InvalidParam(prefix, str(detail))]
