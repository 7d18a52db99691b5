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

from cms.api.problems import CONTENT_TYPE, InvalidParam, Problem
from cms.api.problems import problem_response as _respond

__all__ = [
    "InvalidParam",
    "field_errors",
    "flatten_errors",
    "invalid_fields_response",
    "problem_response",
    "unknown_link_response",
]


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


def field_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF errors as the subscription contract's `{"field": ["message", ...]}`.

    Nested objects give dotted names (`channels.sms`); an error on one item of a list
    is reported on the list (`wijken`), which is the field a form shows.
    """
    errors: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int):
                name = prefix
            else:
                name = ".".join(part for part in (prefix, "" if key == "non_field_errors" else str(key)) if part)
            for field, messages in field_errors(value, name).items():
                errors.setdefault(field, []).extend(messages)
    elif isinstance(detail, list):
        for item in detail:
            for field, messages in field_errors(item, prefix).items():
                errors.setdefault(field, []).extend(messages)
    else:
        errors.setdefault(prefix or "body", []).append(str(detail))
    return errors


def invalid_fields_response(*, errors: dict[str, list[str]], title: str = "Some fields are not valid") -> JsonResponse:
    """400 problem+json with `errors` per field (and the platform's `invalid_params`, the same facts)."""
    params = [InvalidParam(name, message) for name, messages in errors.items() for message in messages]
    problem = Problem(
        status=400,
        slug="invalid-fields",
        title=title,
        detail="Nothing was changed. Correct the fields listed in `errors` and send again.",
        invalid_params=params,
    )
    return JsonResponse({**problem.as_dict(), "errors": errors}, status=400, content_type=CONTENT_TYPE)


def unknown_link_response() -> JsonResponse:
    return problem_response(status=404, slug="unknown-link", title="This link is not valid (any more)")
