"""`GET /api/content/<path>/@translations`: the same page in the other languages.

Only published translations are listed: a French page still in translation is not
announced to readers. Pages are matched by `translation_key`, the UID.
"""

from __future__ import annotations

from cms.api.addresses import content_url, page_address
from cms.core.publishing import public_pages


def translations_of(located):
    page = located.page
    return public_pages().filter(translation_key=page.translation_key).exclude(pk=page.pk).order_by("locale_id")


def fingerprint(request, located, params) -> list:
    return [list(translations_of(located).values_list("id", "live_revision_id", "url_path", "locale_id", "last_published_at"))]


def get(request, located, params) -> dict:
    items = []
    for page in translations_of(located):
        url, language = page_address(request, page)
        items.append({"@id": url, "language": language, "title": page.title})
    return {"@id": content_url(request, located.public_path, "/@translations"), "items": items}
