"""Which HTTP methods an API address takes: 405 problem+json with `Allow` for the others, and OPTIONS.

Every view under /api/ answers a method it does not take with 405 problem+json and an
`Allow` header listing the methods it does take, and answers OPTIONS with 204 and the same
`Allow`. The methods are read from the view itself, so they cannot drift from it:

- a class-based view (Django's `View`, our `ApiView`): the methods of `http_method_names`
  it implements (list "head" beside "get" to take HEAD);
- Django REST framework views and Wagtail's v2 viewsets: the actions routed to it;
- a function view: what it declares with `@api_methods("GET")` (GET brings HEAD).

`ApiMethodsMiddleware` applies this (under /api/, and to any view that declares its
methods, such as /sitemap.xml) before Django's CSRF check, which would otherwise
answer a `DELETE` to a read-only address with an HTML 403 page. A view whose methods are
not known here (none under /api/ today) is left to answer for itself.
"""

from __future__ import annotations

from functools import wraps

from django.http import HttpResponse

from cms.http.problems import Problem, problem_response
from cms.http.urlconf import API_PREFIX, mark_api_request

ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _complete(methods, *, head_with_get: bool = True) -> tuple[str, ...]:
    """Upper-cased, HEAD beside GET (unless the view says otherwise), OPTIONS always; in a stable order."""
    named = {method.upper() for method in methods}
    if head_with_get and "GET" in named:
        named.add("HEAD")
    named.add("OPTIONS")
    return tuple(sorted(named, key=lambda method: ORDER.index(method) if method in ORDER else len(ORDER)))


def api_methods(*methods: str):
    """Declare (and enforce) the methods a function view takes: `@api_methods("GET")`."""
    allowed = _complete(methods)

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in allowed:
                mark_api_request(request)
                return problem_response(method_not_allowed(allowed))
            if request.method == "OPTIONS":
                return options_response(allowed)
            return view(request, *args, **kwargs)

        wrapped.api_methods = allowed
        return wrapped

    return decorate


def allowed_methods(view_func) -> tuple[str, ...] | None:
    """The methods the resolved view takes, or None when it does not say."""
    declared = getattr(view_func, "api_methods", None)
    if declared is not None:
        return tuple(declared)
    actions = getattr(view_func, "actions", None)  # a DRF viewset routed by method
    if actions:
        return _complete(actions)
    view_class = getattr(view_func, "view_class", None) or getattr(view_func, "cls", None)
    if view_class is not None:
        # What its dispatch accepts: a listed name it implements (Django answers HEAD with `get`).
        names = [
            name
            for name in view_class.http_method_names
            if name != "options" and (hasattr(view_class, name) or (name == "head" and hasattr(view_class, "get")))
        ]
        return _complete(names, head_with_get=False)
    return None


def allow_header(methods) -> str:
    return ", ".join(methods)


def method_not_allowed(methods) -> Problem:
    return Problem(
        status=405,
        slug="method-not-allowed",
        title="Method not allowed",
        detail=f"This address takes {allow_header(methods)}.",
        headers={"Allow": allow_header(methods)},
    )


def options_response(methods) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = allow_header(methods)
    return response


class ApiMethodsMiddleware:
    """405 problem+json and OPTIONS for every API view, before the CSRF check (place it before CsrfViewMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Views that declare their methods are API views wherever they are mounted (the sitemap);
        # class-based views are read only under /api/ (the admin's own views answer for themselves).
        if getattr(view_func, "api_methods", None) is None and not request.path_info.startswith("/" + API_PREFIX):
            return None
        methods = allowed_methods(view_func)
        if methods is None:
            return None
        if request.method not in methods:
            mark_api_request(request)
            return problem_response(method_not_allowed(methods))
        if request.method == "OPTIONS":
            return options_response(methods)
        return None
