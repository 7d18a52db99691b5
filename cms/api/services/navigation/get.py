"""`GET /api/content/<path>/@navigation`: the main sections of the page's language site.

The public children of the locale's home, in the editors' order, each marked `is_current`
when the page lies in that section, so a front end draws its main menu from any page.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.serializers.summary import summarise_rows
from cms.api.services.children.get import child_rows


def fingerprint(request, located, params) -> list:
    rows = child_rows(located.home)
    return [[(row["id"], row["live_revision_id"], row["url_path"], row["last_published_at"]) for row in rows]]


def get(request, located, params) -> dict:
    in_section = {row["id"] for row in located.ancestors} | {located.page.pk}
    rows = child_rows(located.home)
    items = [
        {**summary, "is_current": row["id"] in in_section}
        for row, summary in zip(rows, summarise_rows(request, rows))
    ]
    return {"@id": content_url(request, located.public_path, "/@navigation"), "items": items}
