"""A wijk or theme named in a feed URL, or a 404 problem: an unknown slug is not an empty feed.

An empty feed for `/api/feeds/wijk/ledebreg/rss/` would look like a quiet wijk forever;
a 404 tells the subscriber the address is wrong.
"""

from __future__ import annotations

from django.conf import settings

from cms.http.problems import not_found
from cms.core.models import Theme, Wijk


def wijk_or_404(slug: str) -> Wijk:
    wijk = Wijk.objects.filter(slug=slug).first()
    if wijk is None:
        raise not_found(f"No wijk with slug '{slug}'.")
    return wijk


def theme_or_404(slug: str) -> Theme:
    """The source-language theme (pages are tagged with it in every locale)."""
    theme = Theme.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
    if theme is None:
        raise not_found(f"No theme with slug '{slug}'.")
    return theme


def theme_name(theme: Theme, language: str) -> str:
    """The theme's name in `language`, falling back to the source name."""
    local = Theme.objects.filter(translation_key=theme.translation_key, locale__language_code=language).first()
    return local.name if local else theme.name
