"""The one query parameter feeds, calendars and playlists take: `?language=nl|en|fr`.

Feed readers and calendar apps subscribe to a fixed URL and cannot send headers, so the
language is in the query (default: the source language, Dutch). Anything else is refused
with a 400 naming it, as everywhere in the API: a typo should not give a plausible answer.
"""

from __future__ import annotations

from django.conf import settings

from cms.http.problems import InvalidParam, bad_request, unknown_params

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_param(request) -> str:
    unknown = set(request.GET) - {"language"}
    if unknown:
        raise unknown_params(unknown)
    language = request.GET.get("language", settings.LANGUAGE_CODE)
    if language not in LANGUAGES:
        raise bad_request(InvalidParam("language", f"choose one of {', '.join(LANGUAGES)}"))
    return language
