"""One error format for every endpoint: RFC 7807 problem details, as the content API answers.

    {"type": "https://vrijhaven.dev/problems/invalid-event", "title": "...", "status": 400,
     "detail": "...", "invalid_params": [{"name": "citizen.phone", "reason": "..."}]}

The same shape and keys as `cms.api.problems` (`invalid_params`, the RFC's own example
extension), so a client writes one error handler for the whole platform. For a request
body, `name` is the dotted path of the field ("citizen.consent.sms"; "" for the body as a
whole), so a case system's developer sees every mistake in one answer. Views never build
error payloads by hand: they call `problem_response`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import JsonResponse

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://vrijhaven.dev/problems/"


@dataclass(frozen=True)
class InvalidParam:
    name: str  # dotted path into the body, e.g. "citizen.phone"; "" for the body as a whole
    reason: str


def problem_response(
    *, status: int, slug: str, title: str, detail: str = "", invalid_params: list[InvalidParam] | None = None
) -> JsonResponse:
    body: dict = {"type": TYPE_BASE + slug, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if invalid_params is not None:
        body["invalid_params"] = [{"name": param.name, "reason": param.reason} for param in invalid_params]
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)


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
