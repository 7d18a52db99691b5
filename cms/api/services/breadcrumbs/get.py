"""`GET /api/content/<path>/@breadcrumbs`: the trail from the locale's home to the page.

As in plone.restapi, `items` runs from the first section below the root to the page itself
and `root` is the home page. Every ancestor is public (the lookup refuses a page below a
hidden one), so the trail never names an unpublished section.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.lookup import public_path


def fingerprint(request, located, params) -> list:
    return [[(row["id"], row["live_revision_id"], row["url_path"], row["last_published_at"]) for row in located.ancestors]]


def get(request, located, params) -> dict:
    home_url_path, language = located.home.url_path, located.language
    trail = [row for row in located.ancestors if row["id"] != located.home.pk]
    items = [
        {"@id": content_url(request, public_path(row["url_path"], home_url_path, language)), "title": row["title"]}
        for row in trail
    ]
    if located.page.pk != located.home.pk:
        items.append({"@id": content_url(request, located.public_path), "title": located.page.title})
    return {
        "@id": content_url(request, located.public_path, "/@breadcrumbs"),
        "root": content_url(request, language),
        "items": items,
    }
