"""What the screens in a wijk's buildings show: a short, ordered, time-boxed playlist.

The screens in a library or dienstencentrum have no keyboard and people pass them in a few
seconds, so each item is a short title (60 characters at most), one picture, a QR code to
the full page and how long to show it. Items carry their own validity window: a player
that loses its connection keeps rotating its last playlist and drops each item when its
window ends (an event after it ended, news after a fortnight), never showing stale news.

Order (the rotation): upcoming events in or for the wijk, soonest first; then recent press
releases for the wijk or the whole city, newest first; then the wijk's magazine articles
(local and city-wide, as in its wijkkrant). A crisis notice, when the platform gets a public
one, goes first: add it to `SOURCES` with its own duration.
Everything is drawn through the page kernel's visibility rule, like the feeds, and the QR
code points at the page's public URL from the same kernel.

The city-wide playlist (`wijk=None`, for a screen in the town hall or the central library)
holds only what is for everybody: events in no wijk, press releases tagged with no wijk, the
city-wide magazine's articles.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from cms.api.feeds.selectors import city_articles_q, wijk_articles_q
from cms.core.images import image_rendition
from cms.core.models import Wijk
from cms.core.publishing import public_pages, public_url
from cms.events.models import EventPage
from cms.neighbourhoods.models import MagazineArticle
from cms.pressroom.models import PressReleasePage

TITLE_LENGTH = 60
IMAGE_SPEC = "fill-1280x720"  # 16:9 screens
EVENTS_AHEAD = datetime.timedelta(days=14)
NEWS_SHOWN_FOR = datetime.timedelta(days=14)
ARTICLES_SHOWN_FOR = datetime.timedelta(days=30)
MAX_PER_KIND = 5
DURATION_SECONDS = {"event": 12, "press_release": 10, "magazine_article": 10}
MODELS = (EventPage, PressReleasePage, MagazineArticle)


def short_title(title: str, limit: int = TITLE_LENGTH) -> str:
    """At most `limit` characters, cut at a word with an ellipsis when it must be cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


def _public(model, language):
    return public_pages(model).filter(locale__language_code=language)


def _ending(start: datetime.datetime, shown_for: datetime.timedelta, expire_at) -> datetime.datetime:
    until = start + shown_for
    return min(until, expire_at) if expire_at else until


def upcoming_events(wijk: Wijk | None, language: str, now) -> list[tuple[EventPage, datetime.datetime, datetime.datetime]]:
    events = (
        _public(EventPage, language)
        .filter(Q(wijk__isnull=True) if wijk is None else Q(wijk=wijk) | Q(wijk__isnull=True))
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .filter(start__lte=now + EVENTS_AHEAD)
        .order_by("start", "pk")[:MAX_PER_KIND]
    )
    return [(event, event.first_published_at, min(filter(None, [event.end or event.start, event.expire_at])))
            for event in events]


def recent_press_releases(wijk: Wijk | None, language: str, now):
    local_or_city = Q(pk__in=PressReleasePage.objects.filter(wijken__isnull=True).values("pk"))
    if wijk is not None:
        local_or_city |= Q(pk__in=PressReleasePage.objects.filter(wijken=wijk).values("pk"))
    releases = (
        _public(PressReleasePage, language).filter(local_or_city)
        .filter(first_published_at__gte=now - NEWS_SHOWN_FOR)
        .prefetch_related("attachments__image")
        .order_by("-first_published_at", "-pk")[:MAX_PER_KIND]
    )
    return [(page, page.first_published_at, _ending(page.first_published_at, NEWS_SHOWN_FOR, page.expire_at))
            for page in releases]


def recent_articles(wijk: Wijk | None, language: str, now):
    articles = (
        _public(MagazineArticle, language).filter(city_articles_q() if wijk is None else wijk_articles_q(wijk))
        .filter(first_published_at__gte=now - ARTICLES_SHOWN_FOR)
        .order_by("-first_published_at", "-pk")[:MAX_PER_KIND]
    )
    return [(page, page.first_published_at, _ending(page.first_published_at, ARTICLES_SHOWN_FOR, page.expire_at))
            for page in articles]


#: (kind, selector) in rotation order.
SOURCES = (
    ("event", upcoming_events),
    ("press_release", recent_press_releases),
    ("magazine_article", recent_articles),
)


def playlist_entries(*, wijk: Wijk | None, language: str, now=None) -> list[tuple[str, object, datetime.datetime, datetime.datetime]]:
    """(kind, page, valid_from, valid_until) in rotation order; cheap, for the validators. No wijk: the city's."""
    now = now or timezone.now()
    return [(kind, page, start, until) for kind, select in SOURCES for page, start, until in select(wijk, language, now)]


def playlist_item(request, kind: str, page, valid_from, valid_until) -> dict:
    item = {
        "kind": kind,
        "page_id": page.pk,
        "title": short_title(page.title),
        "image": image_rendition(page, request, IMAGE_SPEC),
        "qr_target": public_url(page.url_path, request=request),
        "duration_seconds": DURATION_SECONDS[kind],
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    if kind == "event":
        item["starts_at"], item["ends_at"] = page.start, page.end
        item["location"] = page.location_name
    return item
