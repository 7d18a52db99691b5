"""RSS 2.0 and Atom 1.0 from Django's syndication framework, for any list of pages.

The view decides *what* is listed (a `Channel`: title, link, language and the pages, all
drawn through the visibility rule) and the validators; these classes only say how a page
becomes an entry. Links point at the public page on the site, the address a reader shares;
the entry id is a stable URN per page, so a renamed or moved page is not a new entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from cms.core.publishing import public_url


@dataclass
class Channel:
    title: str
    description: str
    link: str
    language: str
    pages: list = field(default_factory=list)


class PageFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, channel: Channel, **kwargs):
        # One instance per request (see FEEDS), so keeping request state here is safe.
        self.language = channel.language
        self._request = request
        return channel

    def title(self, channel):
        return f"{settings.WAGTAIL_SITE_NAME}: {channel.title}"

    def description(self, channel):
        return channel.description

    def subtitle(self, channel):  # Atom's name for the description
        return channel.description

    def link(self, channel):
        return channel.link

    def items(self, channel):
        return channel.pages

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return getattr(page, "intro", "") or page.title

    def item_link(self, page):
        return public_url(page.url_path, request=self._request)

    def item_guid(self, page):
        return f"urn:vrijhaven:page:{page.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class PageAtomFeed(PageFeed):
    feed_type = Atom1Feed


#: Feed classes by format; instantiate one per request: `FEEDS["rss"]()(request, channel=...)`.
FEEDS = {"rss": PageFeed, "atom": PageAtomFeed}
