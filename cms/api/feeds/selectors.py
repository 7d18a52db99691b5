"""What each feed lists: the public pages of one kind, in one language, newest first.

Shared by the RSS/Atom feeds, the calendars and the signage playlists, so "the news of a
wijk" means the same thing on a feed reader and on a screen in that wijk's library.

A wijk's news is its own magazine articles (in that wijk's magazine, or tagged with the
wijk anywhere) plus the city-wide ones (tagged with no wijk, in the city-wide magazine):
the same mix a printed wijk edition carries below its local pages, so a resident who
follows one feed misses nothing the city writes for everybody. A wijk's calendar, on the
other hand, holds only the events in that wijk: subscribing to it beside the city's
calendar must not show every city event twice.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.core.models import Theme, Wijk
from cms.core.publishing import public_pages
from cms.events.models import EventPage
from cms.neighbourhoods.models import MagazineArticle, NeighbourhoodMagazine
from cms.pressroom.models import PressReleasePage
from cms.projects.models import ProjectPage
from cms.themes.models import ThemePage

FEED_LENGTH = 50
CALENDAR_LENGTH = 500
#: A calendar keeps events that ended this recently, so "what was on last week" still resolves.
CALENDAR_PAST = datetime.timedelta(days=90)
THEMED_MODELS = (ThemePage, PressReleasePage, MagazineArticle, ProjectPage, EventPage)


def _public(model, language: str):
    return public_pages(model).filter(locale__language_code=language)


def _below(paths) -> Q:
    """Pages inside any of these subtrees (never true for no paths)."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def press_releases(*, language: str, limit: int = FEED_LENGTH) -> list[PressReleasePage]:
    return list(_public(PressReleasePage, language).order_by("-first_published_at", "-pk")[:limit])


def _city_articles_q(magazines) -> Q:
    city_paths = [path for path, wijk_id in magazines if wijk_id is None]
    untagged = MagazineArticle.objects.filter(wijken__isnull=True).values("pk")
    return _below(city_paths) & Q(pk__in=untagged)


def city_articles_q() -> Q:
    """Articles written for the whole city: in the city-wide magazine, tagged with no wijk."""
    return _city_articles_q(NeighbourhoodMagazine.objects.values_list("path", "wijk_id"))


def wijk_articles_q(wijk: Wijk) -> Q:
    """Articles local to `wijk` or written for the whole city (see the module docstring)."""
    magazines = list(NeighbourhoodMagazine.objects.values_list("path", "wijk_id"))
    local_paths = [path for path, wijk_id in magazines if wijk_id == wijk.pk]
    tagged = MagazineArticle.objects.filter(wijken=wijk).values("pk")
    return _below(local_paths) | Q(pk__in=tagged) | _city_articles_q(magazines)


def wijk_articles(*, wijk: Wijk, language: str, limit: int = FEED_LENGTH) -> list[MagazineArticle]:
    articles = _public(MagazineArticle, language).filter(wijk_articles_q(wijk))
    return list(articles.order_by("-first_published_at", "-pk")[:limit])


def theme_pages(*, theme: Theme, language: str, limit: int = FEED_LENGTH) -> list[Page]:
    """Every public page tagged with `theme` (news, theme pages, projects, events), newest first."""
    tagged = Q(pk__in=[])
    for model in THEMED_MODELS:
        tagged |= Q(pk__in=model.objects.filter(themes=theme).values("pk"))
    pages = _public(Page, language).filter(tagged).order_by("-first_published_at", "-pk")
    return list(pages.specific()[:limit])


def events(*, language: str, wijk: Wijk | None = None, limit: int = CALENDAR_LENGTH) -> list[EventPage]:
    """Public events not ended more than CALENDAR_PAST ago, by start; one wijk's only when given."""
    since = timezone.now() - CALENDAR_PAST
    found = _public(EventPage, language).filter(Q(end__gte=since) | Q(end__isnull=True, start__gte=since))
    if wijk is not None:
        found = found.filter(wijk=wijk)
    return list(found.select_related("wijk").order_by("start", "pk")[:limit])
