"""The page kernel: whether the public can see a page now, and the page's public address.

Everything that shows a page to someone who is not an editor asks here and nowhere else:
the content API (traversal and v2), feeds, the sitemap, signage, search (what is indexed
and what each answer may show), webhooks and every journey that mails a page.

**Visible now.** A page is public when it is live, not past its expiry (`expire_at`), has no
view restriction on it or on an ancestor, and no ancestor is unpublished or past its
expiry. Scheduled (embargoed) pages are not live until their time comes, so `live` keeps
them out. Every view restriction counts as closed, whatever its kind: API answers are
cached for everyone, search documents and messages reach anyone, and none of them has a
session a restriction could ask. (Wagtail's `live().public()` checks live and restrictions
only, so it keeps an expired page, and a live page left under an unpublished section, which
Wagtail's router would still serve.) The rule has two forms, held to agreement by the tests:

* `public_q()` / `public_pages(model)`: a filter for lists. The subtrees an ancestor hides
  are one query, asked once per answer (`cms.core.answer_scope`).
* `is_public(page)`: one page, in one query. `is_reachable(page)` is the same rule without
  the page's own live and expiry state: could the public see it where it stands, if it
  were live (what webhooks ask of a page being unpublished, moved or deleted).

**Address.** A page lives below the home page of its locale (a site's root page or one of
its translations), and its public path is the locale's language and the slugs below that
home: `nl/themas/afval`, the form of the content API's `@id`s. The site path
`/nl/themas/afval/` (search documents, webhooks, the routes of the front ends and of the
HTML site) and the full URL `https://www.stad.gent/nl/themas/afval/` (feeds, sitemap,
signage, schema.org) are derived from it. They equal what Wagtail's `get_url_parts()` gives
under this project's URLconf (`i18n_patterns` with a prefix for every language, trailing
slashes, slugs percent-encoded as `reverse()` encodes them), from the same table of homes
(`Site.get_site_root_paths()`, which Wagtail caches), most specific home first; a page no
site serves has no address (None). The content API passes the request's site, so it never
addresses a page of another site it could not serve.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote, unquote

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, PageViewRestriction, Site

from cms.core.answer_scope import remembered

# What `reverse()` leaves unencoded in a path (the `pchar` of RFC 3986), as Wagtail's URLs have it.
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


# --- visible now --------------------------------------------------------------------------
def hidden_subtree_paths() -> list[str]:
    """Tree paths whose whole subtree (the page included) is hidden; one query, once per answer.

    Restricted pages, and unpublished or expired pages with children (a hidden leaf is kept
    out by `live`/expiry on its own row, which keeps this list short on a real site). A path
    inside another listed subtree adds nothing and is left out.
    """
    return remembered("hidden_subtree_paths", _hidden_subtree_paths)


def _hidden_subtree_paths() -> list[str]:
    """One statement, written out once: every API answer asks it first, after a publish too,
    and composing it through the ORM cost more than running it (issue 17's cold path)."""
    with connection.cursor() as cursor:
        cursor.execute(_hidden_sql(), [connection.ops.adapt_datetimefield_value(timezone.now())])
        paths = sorted(path for (path,) in cursor.fetchall())
    outermost: list[str] = []
    for path in paths:
        if not (outermost and path.startswith(outermost[-1])):
            outermost.append(path)
    return outermost


@cache
def _hidden_sql() -> str:
    quote, page, restriction = connection.ops.quote_name, Page._meta, PageViewRestriction._meta
    table, restricted = quote(page.db_table), quote(restriction.db_table)
    column = {name: f"{table}.{quote(page.get_field(name).column)}" for name in ("id", "path", "numchild", "live")}
    expire_at = f"{table}.{quote(page.get_field('expire_at').column)}"
    return (
        f"SELECT {column['path']} FROM {table} WHERE EXISTS (SELECT 1 FROM {restricted} "
        f"WHERE {restricted}.{quote(restriction.get_field('page').column)} = {column['id']}) "
        f"OR ({column['numchild']} > 0 AND (NOT {column['live']} OR {expire_at} <= %s))"
    )


def _live_now(now) -> Q:
    return Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))


def public_q() -> Q:
    """A filter for any Page queryset (or a specific page model's) keeping public pages only."""
    q = _live_now(timezone.now())
    for path in hidden_subtree_paths():
        q &= ~Q(path__startswith=path)
    return q


def public_pages(model=Page):
    """The public pages of `model` (any page type by default), as a queryset."""
    return model.objects.filter(public_q())


def _ancestor_paths(path: str) -> list[str]:
    """Tree paths of the ancestors of the page at `path`, root first (the page excluded)."""
    step = Page.steplen
    return [path[: step * depth] for depth in range(1, len(path) // step)]


def _chain_is_open(*, ancestors: list[str], path: str, own_state: bool) -> bool:
    """One query: every ancestor exists and is live, unexpired and unrestricted; the page at
    `path` exists and is unrestricted, and, with `own_state`, live and unexpired too."""
    offline = Q(live=False) | Q(expire_at__lte=timezone.now())
    if not own_state:
        offline &= ~Q(path=path)
    closed = Q(Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))) | offline
    counts = Page.objects.filter(path__in=[*ancestors, path]).aggregate(
        found=Count("pk"), closed=Count("pk", filter=closed)
    )
    return counts["found"] == len(ancestors) + 1 and counts["closed"] == 0


def is_public(page: Page) -> bool:
    """Whether the public can see `page` now (its stored state, not the instance's); one query."""
    return _chain_is_open(ancestors=_ancestor_paths(page.path), path=page.path, own_state=True)


def is_reachable(page: Page, *, parent: Page | None = None) -> bool:
    """Public but for the page's own live and expiry state: no view restriction on it, and
    its parent (the current one, or `parent`, e.g. where a moved page stood) public; one query."""
    ancestors = _ancestor_paths(page.path) if parent is None else [*_ancestor_paths(parent.path), parent.path]
    return _chain_is_open(ancestors=ancestors, path=page.path, own_state=False)


# --- address ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Home:
    """The home page of one locale of one site: what public addresses are built from."""

    url_path: str  # "/stad-gent/"
    language: str  # "nl"
    root_url: str = ""  # "https://www.stad.gent"
    site_id: int | None = None

    def path_of(self, url_path: str) -> str | None:
        """`/stad-gent/themas/afval/` -> `nl/themas/afval`; the home itself -> `nl`; None outside it."""
        if not url_path.startswith(self.url_path):
            return None
        rest = url_path[len(self.url_path):].strip("/")
        return f"{self.language}/{rest}" if rest else self.language


def homes() -> list[Home]:
    """Every site's home pages, most specific first (Wagtail's order); once per answer."""
    return remembered("homes", _homes)


def _homes() -> list[Home]:
    return [
        Home(root.root_path, root.language_code, root.root_url, root.site_id) for root in Site.get_site_root_paths()
    ]


def home_of(url_path: str, *, site: Site | None = None, request=None) -> Home | None:
    """The home a page at `url_path` lives below: of `site` only when given; where a page is
    below the homes of several sites, the request's site is preferred (as Wagtail does)."""
    found = [home for home in homes() if url_path.startswith(home.url_path)]
    if site is not None:
        found = [home for home in found if home.site_id == site.pk]
    if request is not None and len({home.site_id for home in found}) > 1:
        current = Site.find_for_request(request)
        found.sort(key=lambda home: current is None or home.site_id != current.pk)
    return found[0] if found else None


def public_path(url_path: str, *, site: Site | None = None) -> str | None:
    """The locale-prefixed public path of the page at `url_path` (`nl/themas/afval`), or None."""
    home = home_of(url_path, site=site)
    return home.path_of(url_path) if home is not None else None


def site_path_of(path: str) -> str:
    """A public path in its site form: `nl/themas/café` -> `/nl/themas/caf%C3%A9/`."""
    return "/" + quote(path, safe=PATH_SAFE) + "/"


def public_path_of(site_path: str) -> str:
    """The public path a site path stands for: `/nl/themas/caf%C3%A9/` -> `nl/themas/café`."""
    return unquote(site_path.strip("/"))


def site_path(url_path: str, *, site: Site | None = None) -> str | None:
    """The page's path on its site (`/nl/themas/afval/`), or None when no site serves it."""
    path = public_path(url_path, site=site)
    return site_path_of(path) if path is not None else None


def public_url(url_path: str, *, request=None) -> str | None:
    """The page's full URL on its site (`https://www.stad.gent/nl/themas/afval/`), or None."""
    home = home_of(url_path, request=request)
    if home is None:
        return None
    return home.root_url + site_path_of(home.path_of(url_path))
