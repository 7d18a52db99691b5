"""Find a public page by its public URL path, the way a reader's browser would reach it.

`nl/themas/grof-huisvuil-laten-ophalen` is the path the site serves the page at: the locale
prefix, then the slugs below that locale's home page. Wagtail's v2 API can only `find` a
page below the site's default-language root; we take the language from the prefix and walk
the matching translation of the site root, so English and French pages resolve too.

The lookup is two queries whatever the depth, and goes through the page kernel's one
visibility rule (cms/core/publishing.py), so an unpublished page, or a live page below an
unpublished or restricted one, is simply not found:

* the home's `url_path` comes from the table of site homes (`homes()`, Wagtail's cached
  `Site.get_site_root_paths()`: the site root and its translations), so a path names every
  `url_path` on the way down: the home, each section, the page. One query reads the public
  pages at those `url_path`s, which are the page, its home and every ancestor in between
  (a page is public only when each ancestor is, so none is missing); the chain is checked
  by tree path, and asked again by tree path in the rare case it is not whole;
* one more reads the page as its specific type (ThemePage, ...), with its locale, its
  stored reading level (cms/readability) and what its api_fields point to (its wijk, image).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from cms.api.request_site import site_for_request
from cms.api.serializers.fields import pointed_to
from cms.core.publishing import Home, homes, public_pages
from cms.http.problems import not_found
from cms.readability.services import STORED_SCORE

CONTENT_LANGUAGES = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
# What each ancestor row holds (breadcrumbs, parent link, fingerprints); the chain query
# also reads what finding the page and its home needs.
ANCESTOR_FIELDS = ("id", "title", "url_path", "live_revision_id", "last_published_at")
CHAIN_FIELDS = (*ANCESTOR_FIELDS, "path", "depth", "numchild", "content_type_id")


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


def home_path_for(request, language: str) -> str:
    """The `url_path` of the request's site's home in `language` (public or not), or a 404."""
    site = site_for_request(request)
    if site is None or language not in CONTENT_LANGUAGES:
        raise not_found()
    for home in homes():
        if home.site_id == site.pk and home.language == language:
            return home.url_path
    raise not_found()


def _prefixes(home_url_path: str, rest: list[str]) -> list[str]:
    """`/stad-gent/`, [themas, afval] -> the url_paths of the home, the section and the page."""
    found = [home_url_path]
    for segment in rest:
        found.append(f"{found[-1]}{segment}/")
    return found


def _specific(row: dict) -> Page:
    model = ContentType.objects.get_for_id(row["content_type_id"]).model_class() or Page
    try:
        return model.objects.select_related("locale", STORED_SCORE, *pointed_to(model)).get(pk=row["id"])
    except model.DoesNotExist:  # deleted since the chain was read
        raise not_found() from None


def _home_page(row: dict) -> Page:
    """The home as a Page with the columns read (pk, path, depth, url_path, ...); any other
    column is deferred, so reading one asks the database rather than giving a default."""
    names = [f.attname for f in Page._meta.concrete_fields if f.attname in row]
    return Page.from_db(Page.objects.db, names, [row[name] for name in names])


def locate(request, path: str) -> Located:
    """The public page at `path` (e.g. `nl/themas/afval`) or a 404 problem."""
    segments = [segment for segment in path.strip("/").split("/") if segment]
    if not segments:
        raise not_found()
    language, rest = segments[0], segments[1:]
    url_paths = _prefixes(home_path_for(request, language), rest)
    rows = list(public_pages().filter(url_path__in=url_paths).order_by("path").values(*CHAIN_FIELDS))
    home_row = next((row for row in rows if row["url_path"] == url_paths[0]), None)
    if home_row is None:
        raise not_found()
    page_row = next(
        (row for row in rows if row["url_path"] == url_paths[-1] and row["path"].startswith(home_row["path"])), None
    )
    if page_row is None:
        raise not_found()
    chain = [row for row in rows if page_row["path"].startswith(row["path"]) and row["depth"] >= home_row["depth"]]
    if len(chain) != page_row["depth"] - home_row["depth"] + 1:  # url_paths out of step with the tree
        chain = [*_ancestors_by_path(page_row, home_row), page_row]
    ancestors = [{name: row[name] for name in ANCESTOR_FIELDS} for row in chain[:-1]]
    return Located(page=_specific(page_row), home=_home_page(home_row), language=language, ancestors=ancestors)


def _ancestors_by_path(page_row: dict, home_row: dict) -> list[dict]:
    return list(
        Page.objects.filter(
            path__in=[page_row["path"][: Page.steplen * depth] for depth in range(home_row["depth"], page_row["depth"])]
        )
        .order_by("depth")
        .values(*CHAIN_FIELDS)
    )
