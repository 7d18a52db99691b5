"""`GET /api/content/<path>/@children`: the page's public children, summarised, in batches.

Also what the content answer embeds as `items`. Counts and items come from the same
public queryset, so an unpublished child is neither listed nor counted.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.batching import batching_links
from cms.api.serializers.summary import summarise_all
from cms.core.publishing import public_pages


def children_of(page):
    return public_pages().child_of(page).order_by("path")


def fingerprint(request, located, params) -> list:
    return [list(children_of(located.page).values_list("id", "live_revision_id", "url_path", "last_published_at"))]


def batch(request, located, params, *, base_url: str) -> dict:
    """`items_total`, `items` and (when there is more than one batch) `batching`."""
    children = children_of(located.page)
    total = children.count()
    start = params.batch.start
    items = summarise_all(request, children, start, start + params.batch.size)
    data = {"items_total": total, "items": items}
    links = batching_links(base_url, params.as_query(), params.batch, total)
    if links:
        data["batching"] = links
    return data


def get(request, located, params) -> dict:
    base_url = content_url(request, located.public_path, "/@children")
    return {"@id": base_url, **batch(request, located, params, base_url=base_url)}
