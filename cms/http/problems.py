"""One error format for every endpoint of the platform: RFC 7807 problem details.

    {"type": "https://vrijhaven.dev/problems/invalid-parameters", "title": "...",
     "status": 400, "detail": "...", "invalid_params": [{"name": "limit", "reason": "..."}]}

A client writes one error handler for the whole platform: the content API (Wagtail API v2,
Plone-style traversal, DRF's own errors such as a wrong method), the automation endpoints
and the providers' callbacks all answer in this shape with `Content-Type:
application/problem+json`. `invalid_params` (the RFC's own example extension) names every
bad parameter or field so a developer fixes them in one go; other extension members (the
subscription contract's `errors`) go in `extensions`. Views never build error payloads by
hand: they raise or return a `Problem` (or one of its helpers) and the `problem_response`
it turns into is built here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404, JsonResponse
from rest_framework import exceptions as drf_exceptions
from rest_framework.views import exception_handler as drf_default_exception_handler

from cms.http.urlconf import API_PREFIX

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://vrijhaven.dev/problems/"


@dataclass(frozen=True)
class InvalidParam:
    name: str
    reason: str


@dataclass(eq=False)  # exceptions must stay hashable
class Problem(Exception):
    """An error a client should see as problem+json; raise it anywhere inside a view."""

    status: int
    slug: str
    title: str
    detail: str = ""
    invalid_params: list[InvalidParam] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict = field(default_factory=dict)

    def __str__(self):
        return self.detail or self.title

    def as_dict(self) -> dict:
        body: dict = {"type": TYPE_BASE + self.slug, "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if self.invalid_params:
            body["invalid_params"] = [{"name": p.name, "reason": p.reason} for p in self.invalid_params]
        body.update(self.extensions)
        return body


def problem_response(problem: Problem) -> JsonResponse:
    response = JsonResponse(problem.as_dict(), status=problem.status, content_type=CONTENT_TYPE)
    for name, value in problem.headers.items():
        response[name] = value
    return response


def not_found(detail: str = "No published page or resource at this address.") -> Problem:
    return Problem(status=404, slug="not-found", title="Not found", detail=detail)


def unknown_link() -> Problem:
    """404 for a signed link (a token in the URL or body) that is invalid, tampered with or expired."""
    return Problem(status=404, slug="unknown-link", title="This link is not valid (any more)")


def bad_request(*params: InvalidParam) -> Problem:
    """400 naming every parameter at fault; the detail repeats them for log readers."""
    detail = "; ".join(f"{p.name}: {p.reason}" for p in params)
    return Problem(
        status=400,
        slug="invalid-parameters",
        title="Invalid query parameters",
        detail=detail,
        invalid_params=list(params),
    )


def unknown_params(names) -> Problem:
    return bad_request(*(InvalidParam(name, "unknown query parameter") for name in sorted(names)))


def problem_from_drf(exc: drf_exceptions.APIException) -> Problem:
    status = exc.status_code
    title = {401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
             406: "Not acceptable", 429: "Too many requests"}.get(status, "Bad request")
    slug = title.lower().replace(" ", "-")
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    headers = {}
    wait = getattr(exc, "wait", None)
    if wait is not None:
        headers["Retry-After"] = str(int(wait) + 1)
    return Problem(status=status, slug=slug, title=title, detail=str(detail), headers=headers)


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: problem+json under /api/, DRF's default elsewhere (admin API)."""
    request = context.get("request")
    if request is None or not request.path.startswith("/" + API_PREFIX):
        return drf_default_exception_handler(exc, context)
    if isinstance(exc, Problem):
        return problem_response(exc)
    if isinstance(exc, Http404):
        return problem_response(not_found())
    if isinstance(exc, drf_exceptions.APIException):
        return problem_response(problem_from_drf(exc))
    return None  # an unexpected error: let it surface as a real 500 and be logged
