"""One error format for every automation endpoint: RFC 9457 (formerly 7807) problem details.

    {"type": "https://vrijhaven.dev/problems/invalid-event", "title": "...", "status": 400,
     "detail": "...", "errors": [{"field": "citizen.phone", "message": "..."}]}

`errors` lists field-level problems with the field as a dotted path into the request body,
so a case system's developer sees every mistake in one answer. Views never build error
payloads by hand: they call `problem_response`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import JsonResponse

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://vrijhaven.dev/problems/"


@dataclass(frozen=True)
class FieldError:
    field: str  # dotted path into the body, e.g. "citizen.phone"; "" for the body as a whole
    message: str


def problem_response(
    *, status: int, slug: str, title: str, detail: str = "", errors: list[FieldError] | None = None
) -> JsonResponse:
    body: dict = {"type": TYPE_BASE + slug, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = [{"field": error.field, "message": error.message} for error in errors]
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)


def flatten_errors(detail, prefix: str = "") -> list[FieldError]:
    """Turn a DRF-style nested error dict/list into dotted-path field errors."""
    if isinstance(detail, dict):
        errors: list[FieldError] = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            path = ".".join(part for part in (prefix, name) if part)
            errors.extend(flatten_errors(value, path))
        return errors
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [FieldError(prefix, str(item)) for item in detail]
        errors = []
        for index, item in enumerate(detail):
            errors.extend(flatten_errors(item, f"{prefix}[{index}]" if prefix else f"[{index}]"))
        return errors
    return [FieldError(prefix, str(detail))]
