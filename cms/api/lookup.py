"""Find a public page by its public URL path, the way a reader's browser would reach it.

`nl/themas/grof-huisvuil-laten-ophalen` is the path the site serves the page at: the locale
prefix, then the slugs below that locale's home page. Wagtail's v2 API can only `find` a
page below the site's default-language root; we take the language from the prefix and walk
the matching translation of the site root, so English and French pages resolve too. The
lookup is a fixed number of queries whatever the depth (by `url_path`, not slug by slug),
and goes through the page kernel's one visibility rule (cms/core/publishing.py), so an
unpublished page, or a live page below an unpublished or restricted one, is simply not found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page, Site

from cms.core.publishing import Home, public_pages
from cms.http.problems import not_found

CONTENT_LANGUAGES = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


@dataclass
class Located:
    """A public page with what every service needs about its place in the tree."""

    page: Page  # the specific page (ThemePage, ...)
    home: Page  # the home page of the page's locale
    language: str
    ancestors: list[dict] = field(default_factory=list)  # home first, parent last; values() rows

    @property
    def public_path(self) -> str:
        return self.path_of(self.page.url_path)

    def path_of(self, url_path: str) -> str | None:
        """The public path of a page below the same home (an ancestor, a parent, a wijk page)."""
        return Home(self.home.url_path, self.language).path_of(url_path)


def home_for(request, language: str) -> Page:
    site = Site.find_for_request(request)
    if site is None or language not in CONTENT_LANGUAGES:
        raise not_found()
    home = (
        Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=language)
        .filter(pk__in=public_pages().values("pk"))
        .first()
    )
    if home is None:
        raise not_found()
    return home


def locate(request, path: str) -> Located:
    """The public page at `path` (e.g. `nl/themas/afval`) or a 404 problem."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    if not segments:
        raise not_found()
    language, rest = segments[0], segments[1:]
    home = home_for(request, language)
    url_path = home.url_path + "".join(f"{segment}/" for segment in rest)
    page = public_pages().filter(url_path=url_path, path__startswith=home.path).specific().first()
    if page is None:
        raise not_found()
    ancestors = list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=home.depth)
        .order_by("depth")
        .values("id", "title", "url_path", "live_revision_id", "last_published_at")
    )
    return Located(page=page, home=home, language=language, ancestors=ancestors)
