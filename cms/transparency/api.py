"""GET /api/transparency/?lang=nl: the algorithm register as JSON, for the citizen site and for anyone.

Every algorithm that affects what citizens see or receive, described from the live
settings, with the date its description last changed; `last_changed` at the top is the
latest of those. Public and cacheable for five minutes, with an ETag over the fingerprints
and a Last-Modified from the change dates, so a client asking again gets a cheap 304.
"""

from __future__ import annotations

import hashlib

from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from cms.http.methods import api_methods
from cms.http.problems import InvalidParam, bad_request, problem_response
from cms.transparency.changes import changes_record, fingerprint
from cms.transparency.entries import LANGUAGES
from cms.transparency.registry import registered_entries

CACHE_CONTROL = "public, max-age=300"
KNOWN_PARAMS = {"lang"}


def register_answer(language: str) -> tuple[dict, str, object]:
    """(body, ETag, Last-Modified) of the register in `language`."""
    entries = registered_entries()
    dates = changes_record(entries)
    # The city's date, not UTC's: a change made at half past midnight in Ghent happened today.
    algorithms = [entry.read(language) | {"last_changed": timezone.localdate(dates[entry.key]).isoformat()} for entry in entries]
    latest = max(dates.values(), default=None)
    prints = "".join(fingerprint(entry) for entry in entries)
    etag = f'W/"{hashlib.blake2b(f"{language}:{prints}".encode(), digest_size=16).hexdigest()}"'
    body = {"language": language, "last_changed": timezone.localdate(latest).isoformat() if latest else None, "algorithms": algorithms}
    return body, etag, latest


@api_methods("GET")
def register_view(request):
    unknown = set(request.GET) - KNOWN_PARAMS
    language = request.GET.get("lang") or "nl"
    problems = [InvalidParam(name, "unknown query parameter") for name in sorted(unknown)]
    if language not in LANGUAGES:
        problems.append(InvalidParam("lang", f"one of {', '.join(LANGUAGES)}"))
    if problems:
        return problem_response(bad_request(*problems))
    body, etag, latest = register_answer(language)
    last_modified = latest.timestamp() if latest else None
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["ETag"] = etag
    if latest:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    return response
