"""The Plone-style traversal view: `/api/content/<page path>[/@<service>[/<name>]]`.

Thin on purpose: it splits the path and validates the parameters; an answer cached for the
current content generation (cms/api/answer_cache.py) is served or revalidated from there.
Otherwise it finds the page through the page kernel's visibility rule, asks the service
for its fingerprint and answers 304 when the client's copy is current; only then does the
service build the answer, which is cached for the next client. Every error leaves as a
problem.
"""

from __future__ import annotations

from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse

from cms.api import answer_cache, caching
from cms.api.lookup import locate
from cms.api.params import parse_params
from cms.http.problems import Problem, not_found, problem_response
from cms.api.services.breadcrumbs import get as breadcrumbs
from cms.api.services.children import get as children
from cms.api.services.content import get as content
from cms.api.services.experiments.variant import experiment_response
from cms.api.services.navigation import get as navigation
from cms.api.services.print_edition import get as print_edition
from cms.api.services.search import get as search
from cms.api.services.translations import get as translations
from cms.api.services.types import get as types
from cms.api.throttling import check_rate
from cms.core.answer_scope import one_answer
from cms.http.methods import api_methods
from cms.http.urlconf import mark_api_request

SERVICES = {
    "": content,
    "@children": children,
    "@breadcrumbs": breadcrumbs,
    "@navigation": navigation,
    "@translations": translations,
    "@print": print_edition,
}


def split_path(path: str) -> tuple[str, str, str]:
    """`nl/a/b/@types/x` -> (`nl/a/b`, `@types`, `x`)."""
    segments = [segment for segment in path.split("/") if segment]
    for index, segment in enumerate(segments):
        if segment.startswith("@"):
            return "/".join(segments[:index]), segment, "/".join(segments[index + 1:])
    return "/".join(segments), "", ""


def _datetimes(value):
    if isinstance(value, datetime):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _datetimes(item)


def _answer(request, path: str):
    page_path, service_name, name = split_path(path)
    if service_name == "@search":  # its own parameters (q, theme, ...) and caching
        return search.subtree_answer(request, page_path, name)
    params = parse_params(request)
    key, entry = answer_cache.lookup(request)
    if entry is not None:
        cached = caching.not_modified(request, etag=entry.etag, last_modified=entry.last_modified)
        if cached is not None:
            return cached
        if entry.body is not None:
            response = HttpResponse(entry.body, content_type="application/json")
            return caching.decorate(response, etag=entry.etag, last_modified=entry.last_modified)
    if service_name == "@types":
        located = locate(request, page_path) if page_path else None
        parts = types.fingerprint(request, located, params, name)
        build = lambda: types.get(request, located, params, name)  # noqa: E731
    else:
        service = SERVICES.get(service_name)
        if service is None or name:
            raise not_found(f"No endpoint '{service_name}' for content.")
        located = locate(request, page_path)
        build = lambda: service.get(request, located, params)  # noqa: E731
        page = located.page
        if service is content:  # a page under experiment: one answer per view, never cached
            response = experiment_response(request, page, build)
            if response is not None:
                return response
        parts = service.fingerprint(request, located, params)
        parts = [(page.pk, page.live_revision_id, page.last_published_at, page.url_path), parts]
    # Answers hold absolute URLs, so the scheme and host are part of the representation.
    etag = caching.fingerprint_etag(request.build_absolute_uri("/"), service_name, name, params.fingerprint(), parts)
    last_modified = max(_datetimes(parts), default=None)
    cached = caching.not_modified(request, etag=etag, last_modified=last_modified)
    if cached is not None:
        answer_cache.store(key, answer_cache.Entry(etag, last_modified))
        return cached
    response = JsonResponse(build(), encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
    answer_cache.store(key, answer_cache.Entry(etag, last_modified, response.content))
    return caching.decorate(response, etag=etag, last_modified=last_modified)


@api_methods("GET")
def content_view(request, path: str):
    mark_api_request(request)
    try:
        check_rate(request)
        with one_answer():
            return _answer(request, path)
    except Problem as problem:
        return problem_response(problem)
