"""`GET /api/search/?q=...` and `GET /api/content/<path>/@search?q=...`: the public search.

Thin: parameters are checked by `params`, the backend (with its local fallback and the
subtree scope of `@search`) is run by `running`; this module shapes the answer and its
HTTP caching. Errors leave as problem+json, like every content API endpoint.

A whole-site search is told to the anonymous search log, and its results carry signed
`click` links that record which result was opened (`query_log`, `click`).

Answers carry a body ETag and the API's short Cache-Control: a search answer changes when
the index does, which publishing does at any moment, so a minute of reuse is the most a
cache may assume, and a revalidation costs the search itself (no cheaper fingerprint).
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse

from cms.api import caching
from cms.api.addresses import content_url
from cms.api.lookup import locate
from cms.http.problems import Problem, not_found, problem_response
from cms.api.throttling import check_rate
from cms.core.publishing import public_path_of, site_path_of
from cms.http.methods import api_methods
from cms.http.urlconf import mark_api_request
from search.querylog.recording import query_screen

from .params import Asked, parse_search
from .query_log import click_links, search_log
from .running import Outcome, run_scoped_search, run_search



def _item(request, hit, click: str | None) -> dict:
    return {
        "@id": content_url(request, public_path_of(hit.url)),
        "url": hit.url,
        "title": hit.title,
        "type": hit.page_type,
        "language": hit.language,
        "score": hit.score,
        "highlight": hit.snippet,
        "click": click,
    }


def shown(asked: Asked, outcome: Outcome) -> Outcome:
    """The outcome to answer with: no hits on a page past the results, nothing at all for an empty date range."""
    if asked.empty_range:
        return Outcome(hits=[], total=0, facets={}, metadata=outcome.metadata)
    if asked.beyond_results:
        return Outcome(hits=[], total=outcome.total, facets=outcome.facets, metadata=outcome.metadata)
    return outcome


def answer_body(request, query, outcome: Outcome, clicks: list[str | None] | None = None, page: int | None = None) -> dict:
    """The answer; `clicks`: one click link per hit (none for a scoped search); `page`: the page asked for."""
    clicks = clicks or [None] * len(outcome.hits)
    return {
        "@id": request.build_absolute_uri(),
        "query": query.text,
        "mode": str(query.mode),
        "items": [_item(request, hit, click) for hit, click in zip(outcome.hits, clicks, strict=True)],
        "items_total": outcome.total,
        "page": page or query.page,
        "page_size": query.page_size,
        "facets": {
            facet: [{"value": v.value, "count": v.count, "selected": v.selected} for v in values]
            for facet, values in outcome.facets.items()
        },
        "metadata": {**outcome.metadata, "pages": -(-outcome.total // query.page_size)},
    }


def json_answer(request, body: dict):
    """A JSON answer with a body ETag, or a 304 when the client's copy is the same."""
    response = JsonResponse(body, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
    etag = caching.body_etag(response.content)
    cached = caching.not_modified(request, etag=etag, last_modified=None)
    if cached is not None:
        return cached
    return caching.decorate(response, etag=etag, last_modified=None)


def guarded(handler):
    """Mark the request as API, rate-limit it, allow GET/HEAD only (the HTTP kernel's `api_methods`), and turn problems into answers."""

    def view(request, *args, **kwargs):
        mark_api_request(request)
        try:
            check_rate(request)
            return handler(request, *args, **kwargs)
        except Problem as problem:
            return problem_response(problem)

    view.__name__ = handler.__name__
    view.__doc__ = handler.__doc__
    return api_methods("GET")(view)


@guarded
def search_view(request):
    """`/api/search/`: the whole site."""
    asked = parse_search(request)
    query = asked.query
    outcome = run_search(query)
    if asked.empty:  # not a search anyone saw results of: not logged, no click links
        return json_answer(request, answer_body(request, query, shown(asked, outcome), page=asked.page))
    screened = query_screen(query.text)
    search_log(request, query, outcome, screened)
    return json_answer(request, answer_body(request, query, outcome, click_links(request, query, outcome.hits, screened)))


def subtree_answer(request, page_path: str, name: str = ""):
    """`/api/content/<path>/@search`: only pages at or below the page at `path` (called by traversal)."""
    if name:
        raise not_found("No endpoint '@search/" + name + "' for content.")
    asked = parse_search(request)
    located = locate(request, page_path)
    prefix = site_path_of(located.public_path)
    outcome = shown(asked, run_scoped_search(asked.query, prefix))
    return json_answer(request, answer_body(request, asked.query, outcome, page=asked.page))
