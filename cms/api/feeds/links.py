"""Where a feed's own link points: the public section page the feed mirrors, else the home.

A feed reader shows the channel link as "visit site"; the press room for press releases,
the wijk page for a wijk's news. Only public pages are linked (the visibility rule).
"""

from __future__ import annotations

from wagtail.models import Page, Site

from cms.core.publishing import public_pages, public_url


def home_url(request, language: str) -> str:
    site = Site.find_for_request(request)
    home = None
    if site is not None:
        home = public_pages().filter(
            translation_key=site.root_page.translation_key, locale__language_code=language
        ).first()
    url = public_url(home.url_path, request=request) if home else None
    return url or request.build_absolute_uri("/")


def section_url(request, model, language: str, **filters) -> str:
    """The first public `model` page in `language` matching `filters`, or the home page."""
    page: Page | None = public_pages(model).filter(locale__language_code=language, **filters).first()
    return public_url(page.url_path, request=request) if page else home_url(request, language)
