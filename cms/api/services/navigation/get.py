"""`GET /api/content/<path>/@navigation`: the main sections of the page's language site.

The public children of the locale's home, in the editors' order, each marked `is_current`
when the page lies in that section, so a front end draws its main menu from any page.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.api.serializers.summary import summarise
from cms.core.publishing import public_pages


def sections(located):
    return public_pages().child_of(located.home).order_by("path")


def fingerprint(request, located, params) -> list:
    return [list(sections(located).values_list("id", "live_revision_id", "url_path", "last_published_at"))]


def get(request, located, params) -> dict:
    in_section = {row["id"] for row in located.ancestors} | {located.page.pk}
    items = [
        {**summarise(request, page), "is_current": page.pk in in_section}
        for page in sections(located).defer_streamfields().specific()
    ]
    return {"@id": content_url(request, located.public_path, "/@navigation"), "items": items}
