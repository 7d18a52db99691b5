"""The languages citizens are written to in, and the fallback when a translation is missing.

The site's languages (settings.LANGUAGES: nl, en, fr) are the languages a citizen may
prefer. Dutch is the source language: a template missing in the citizen's language falls
back to it, so nobody gets nothing because a translation is late.
"""

from __future__ import annotations

from django.conf import settings


def supported_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def fallback_language() -> str:
    return settings.LANGUAGE_CODE


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def languages_to_try(language: str) -> list[str]:
    """The citizen's language first, then the source language (deduplicated, in order)."""
    order = [language, fallback_language()]
    return list(dict.fromkeys(code for code in order if code))
