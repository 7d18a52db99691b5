"""A page's themes and wijken, each with an `@id` a client can follow.

A theme has no page of its own, so its `@id` is the v2 listing of everything about that
theme in the page's language; a wijk's `@id` is its wijk page in that language when one is
published, else the listing for the wijk. Theme names are shown in the page's language
(pages tag with the Dutch source theme; its translation carries the local name).

Each list is read once per answer, prefetched on the page (the themes with their local
names in one query), so schema.org's keywords and places (cms/core/schema_org.py), which
read the same relations of the same page, ask nothing more.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse

from cms.api.addresses import content_url
from cms.api.serializers.prefetch import prefetch_on
from cms.core.models import Theme
from cms.core.publishing import public_pages


def listing_url(request, **query) -> str:
    return request.build_absolute_uri(reverse("wagtailapi:pages:listing") + "?" + urlencode(query))


def _named_in(language: str):
    """Themes, each with `local_name`: its translation's name in `language` (None without one)."""
    local = Theme.objects.filter(translation_key=OuterRef("translation_key"), locale__language_code=language)
    return Theme.objects.annotate(local_name=Subquery(local.values("name")[:1]))


def themes_of(request, page, language: str) -> list[dict]:
    if not hasattr(page, "themes"):
        return []
    prefetch_on([page], Prefetch("themes", queryset=_named_in(language)))
    themes = list(page.themes.all())
    if all(hasattr(theme, "local_name") for theme in themes):
        local = {theme.translation_key: theme.local_name for theme in themes if theme.local_name is not None}
    else:  # tags held in memory (a preview): their local names asked apart
        local = {
            theme.translation_key: theme.name
            for theme in Theme.objects.filter(
                translation_key__in=[t.translation_key for t in themes], locale__language_code=language
            )
        }
    return [
        {
            "@id": listing_url(request, theme=theme.slug, locale=language),
            "slug": theme.slug,
            "title": local.get(theme.translation_key, theme.name),
        }
        for theme in themes
    ]


def wijken_of(request, page, located) -> list[dict]:
    if hasattr(page, "wijken"):
        prefetch_on([page], "wijken")
    wijken = list(page.wijken.all()) if hasattr(page, "wijken") else []
    single = getattr(page, "wijk", None) if hasattr(type(page), "wijk") else None
    if single is not None and single not in wijken:
        wijken.append(single)
    if not wijken:
        return []
    from cms.neighbourhoods.models import WijkPage  # models import API helpers, not the reverse

    pages = {
        row["wijk_id"]: row["url_path"]
        for row in public_pages(WijkPage)
        .filter(wijk__in=wijken, locale_id=page.locale_id)
        .values("wijk_id", "url_path")
    }
    result = []
    for wijk in wijken:
        path = located.path_of(pages[wijk.pk]) if wijk.pk in pages else None
        if path is not None:
            at = content_url(request, path)
        else:
            at = listing_url(request, wijk=wijk.slug, locale=located.language)
        result.append({"@id": at, "slug": wijk.slug, "title": wijk.name})
    return result
