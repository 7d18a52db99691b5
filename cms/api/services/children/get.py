"""`GET /api/content/<path>/@children`: the page's public children, summarised, in batches.

Also what the content answer embeds as `items`. Counts and items come from the same
public rows, so an unpublished child is neither listed nor counted. The rows are read once
per answer (the fingerprint and the batch share them), and not at all for a page without
children.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.batching import batching_links
from cms.api.serializers.summary import SUMMARY_FIELDS, summarise_rows
from cms.core.answer_scope import remembered
from cms.core.publishing import public_pages

ROW_FIELDS = (*SUMMARY_FIELDS, "live_revision_id", "last_published_at")


def children_of(page):
    return public_pages().child_of(page).order_by("path")


def child_rows(page) -> list[dict]:
    """The page's public children in tree order, as rows of ROW_FIELDS; once per answer."""
    if not page.numchild:  # no child at all, public or not
        return []
    return remembered(("public_children", page.pk), lambda: list(children_of(page).values(*ROW_FIELDS)))


def fingerprint(request, located, params) -> list:
    rows = child_rows(located.page)
    return [[(row["id"], row["live_revision_id"], row["url_path"], row["last_published_at"]) for row in rows]]


def batch(request, located, params, *, base_url: str) -> dict:
    """`items_total`, `items` and (when there is more than one batch) `batching`."""
    rows = child_rows(located.page)
    total = len(rows)
    start = params.batch.start
    items = summarise_rows(request, rows[start:start + params.batch.size])
    data = {"items_total": total, "items": items}
    links = batching_links(base_url, params.as_query(), params.batch, total)
    if links:
        data["batching"] = links
    return data


def get(request, located, params) -> dict:
    base_url = content_url(request, located.public_path, "/@children")
    return {"@id": base_url, **batch(request, located, params, base_url=base_url)}
