"""What every feed, calendar and playlist view shares: read-only, errors as problem+json.

A decorator so each endpoint module stays a few lines: it refuses anything but GET/HEAD
with a 405 problem (the HTTP kernel's `api_methods`), marks the request as an API request (so a 404 is not turned into the
HTML site's locale redirect, see `cms.http.urlconf`), counts the request against the
anonymous rate limit like every API answer (`cms.api.throttling`: a feed reader or a
screen polls politely; a scraper looping the sitemap does not), turns a raised `Problem`
into the API's one error format, and builds the answer as one answer
(`cms.core.answer_scope`), so the hidden subtrees and the homes behind every link are asked
once per feed, not once per page.
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404

from cms.http.problems import Problem, not_found, problem_response
from cms.api.throttling import check_rate
from cms.core.answer_scope import one_answer
from cms.http.methods import api_methods
from cms.http.urlconf import mark_api_request



def read_only_api_view(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_api_request(request)
        try:
            check_rate(request)
            with one_answer():
                return view(request, *args, **kwargs)
        except Problem as problem:
            return problem_response(problem)
        except Http404:  # e.g. the sitemap framework's answer to a page number past the end
            return problem_response(not_found())

    return api_methods("GET")(wrapped)  # the kernel's one rule for methods: 405 problem+json with Allow
