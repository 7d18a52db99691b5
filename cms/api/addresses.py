"""Absolute URLs of API resources: the `@id` every answer and every summary carries."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page, Site

from cms.api.answer_scope import remembered
from cms.api.lookup import public_path


def content_url(request, path: str, suffix: str = "") -> str:
    """`nl/themas/afval` + `/@breadcrumbs` -> `https://host/api/content/nl/themas/afval/@breadcrumbs`."""
    return request.build_absolute_uri(reverse("api-content", kwargs={"path": path + suffix}))


def homes_by_locale(request) -> dict[int, dict]:
    """The home page of each locale (`locale_id -> {url_path, language}`) in one query (once per answer)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return remembered(("homes_by_locale", site.pk), lambda: _homes(site))


def _homes(site) -> dict[int, dict]:
    rows = Page.objects.filter(translation_key=site.root_page.translation_key).values(
        "locale_id", "url_path", "locale__language_code"
    )
    return {row["locale_id"]: {"url_path": row["url_path"], "language": row["locale__language_code"]} for row in rows}


def page_path(page, homes: dict[int, dict]) -> str | None:
    home = homes.get(page.locale_id)
    if home is None or not page.url_path.startswith(home["url_path"]):
        return None
    return public_path(page.url_path, home["url_path"], home["language"])


def page_url(request, page, homes: dict[int, dict], suffix: str = "") -> str | None:
    path = page_path(page, homes)
    return content_url(request, path, suffix) if path is not None else None
