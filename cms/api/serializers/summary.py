"""The short form of a page used in children listings, navigation and translations.

Plone's summary (`@id`, `@type`, `title`, `description`) plus what our front ends sort and
label by: UID, language, intro, publication date. Built from one query per page type in
the list (`.specific()` with the StreamFields deferred), never one per item.
"""

from __future__ import annotations

from cms.api.addresses import page_address


def page_type(page) -> str:
    return page.specific_class._meta.label if page.specific_class else "wagtailcore.Page"


def summarise(request, page) -> dict:
    url, language = page_address(request, page)
    return {
        "@id": url,
        "@type": page_type(page),
        "UID": str(page.translation_key),
        "title": page.title,
        "intro": getattr(page, "intro", ""),
        "language": language,
        "published": page.first_published_at,
    }


def summarise_all(request, queryset, start: int = 0, stop: int | None = None) -> list[dict]:
    pages = queryset.defer_streamfields().specific()[start:stop]
    return [summarise(request, page) for page in pages]
