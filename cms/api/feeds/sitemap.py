"""`/sitemap.xml`: every public page in every language, with hreflang alternates.

Django's sitemaps framework writes the XML (and pages it past 50,000 URLs with `?p=`);
this class supplies the URLs. Each page lists all its public translations (itself
included, as search engines ask) plus `x-default` pointing at the Dutch source, so a
search engine shows a French reader the French page. A translation that is not public
(a draft, under embargo, restricted) is neither listed nor offered as an alternate.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import Http404
from wagtail.models import Page

from cms.api.feeds import conditional
from cms.api.feeds.handling import read_only_api_view
from cms.core.publishing import public_pages, public_url


def sitemap_pages() -> list[Page]:
    """Public pages below the tree root, in tree order (homes first)."""
    return list(public_pages().filter(depth__gt=1).select_related("locale").order_by("path"))


class PageSitemap(Sitemap):
    """URLs for the given pages; `request` resolves each page's site and host."""

    def __init__(self, request, pages: list[Page]):
        self.request = request
        self.pages = pages
        self.urls = {page.pk: public_url(page.url_path, request=request) for page in pages}
        self.translations = defaultdict(list)
        for page in pages:
            if self.urls[page.pk]:
                self.translations[page.translation_key].append(page)

    def items(self):
        return [page for page in self.pages if self.urls[page.pk]]

    def lastmod(self, page):
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = []
        for item in self.paginator.page(page).object_list:
            alternates = [
                {"location": self.urls[other.pk], "lang_code": other.locale.language_code}
                for other in self.translations[item.translation_key]
            ]
            source = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if len(alternates) > 1 and source:
                alternates.append({"location": source["location"], "lang_code": "x-default"})
            urls.append({
                "item": item,
                "location": self.urls[item.pk],
                "lastmod": item.last_published_at,
                "changefreq": None,
                "priority": "",
                "alternates": alternates if len(alternates) > 1 else [],
            })
        return urls


@read_only_api_view
def sitemap(request):
    pages = sitemap_pages()
    # A part that does not exist is a 404 before the validators: `If-None-Match: *` must not
    # answer 304 for it (found by the API fuzzer, issue 12).
    part = request.GET.get("p", "1")
    if not (part.isascii() and part.isdecimal()) or not 1 <= int(part) <= PageSitemap(request, pages).paginator.num_pages:
        raise Http404("No such part of the sitemap.")
    extra = [request.GET.get("p", "1"), [(page.translation_key, page.locale_id) for page in pages]]
    etag, last_modified = conditional.validators(request, kind="sitemap", pages=pages, models=None, extra=extra)
    return conditional.answer(
        request,
        etag=etag,
        last_modified=last_modified,
        build=lambda: sitemap_view(request, sitemaps={"pages": PageSitemap(request, pages)}).render(),
    )
