"""`GET /api/content/<path>/@breadcrumbs`: the trail from the locale's home to the page.

As in plone.restapi, `items` runs from the first section below the root to the page itself
and `root` is the home page. Every ancestor is public (the lookup refuses a page below a
hidden one), so the trail never names an unpublished section.
"""

from __future__ import annotations

from cms.api.addresses import content_url


def fingerprint(request, located, params) -> list:
    return [[(row["id"], row["live_revision_id"], row["url_path"], row["last_published_at"]) for row in located.ancestors]]


def get(request, located, params) -> dict:
    trail = [row for row in located.ancestors if row["id"] != located.home.pk]
    items = [{"@id": content_url(request, located.path_of(row["url_path"])), "title": row["title"]} for row in trail]
    if located.page.pk != located.home.pk:
        items.append({"@id": content_url(request, located.public_path), "title": located.page.title})
    return {
        "@id": content_url(request, located.public_path, "/@breadcrumbs"),
        "root": content_url(request, located.language),
        "items": items,
    }
