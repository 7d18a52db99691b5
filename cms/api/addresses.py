"""Absolute URLs of API resources: the `@id` every answer and every summary carries.

A page's `@id` is the content API URL of its public path (cms/core/publishing.py), among
the homes of the request's site only: a page another site serves is not answered here.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Site

from cms.core.publishing import Home, home_of


def content_url(request, path: str, suffix: str = "") -> str:
    """`nl/themas/afval` + `/@breadcrumbs` -> `https://host/api/content/nl/themas/afval/@breadcrumbs`."""
    return request.build_absolute_uri(reverse("api-content", kwargs={"path": path + suffix}))


def home_in_site(request, page) -> Home | None:
    """The home of the request's site that `page` lives below, or None."""
    site = Site.find_for_request(request)
    return home_of(page.url_path, site=site) if site is not None else None


def page_address(request, page) -> tuple[str | None, str | None]:
    """(the page's `@id`, its language), both None for a page the request's site does not serve."""
    return address_of(request, page.url_path)


def address_of(request, url_path: str) -> tuple[str | None, str | None]:
    """`page_address` of the page at `url_path` (a row read without building the page)."""
    site = Site.find_for_request(request)
    home = home_of(url_path, site=site) if site is not None else None
    if home is None:
        return None, None
    return content_url(request, home.path_of(url_path)), home.language
