"""RSS and Atom news feeds: press releases, a wijk's news and everything about a theme.

`/api/feeds/press/<rss|atom>/`, `/api/feeds/wijk/<slug>/<rss|atom>/`,
`/api/feeds/theme/<slug>/<rss|atom>/`, each with `?language=` (default nl). The lists come
from `selectors` (through the visibility rule), the validators are computed from the list
before the XML is written, so a feed reader polling an unchanged feed gets a cheap 304.
"""

from __future__ import annotations

from cms.api.feeds import conditional, selectors
from cms.api.feeds.handling import read_only_api_view
from cms.api.feeds.links import home_url, section_url
from cms.api.feeds.params import language_param
from cms.api.feeds.syndication import FEEDS, Channel
from cms.api.feeds.taxonomy import theme_name, theme_or_404, wijk_or_404
from cms.http.problems import not_found
from cms.neighbourhoods.models import MagazineArticle, WijkPage
from cms.pressroom.models import PressReleasePage, PressRoomPage


def _feed_response(request, fmt: str, *, kind: str, channel: Channel, models):
    if fmt not in FEEDS:
        raise not_found(f"No feed format '{fmt}': use rss or atom.")
    etag, last_modified = conditional.validators(
        request, kind=kind, pages=channel.pages, models=models, extra=[fmt, channel.language, channel.title]
    )
    return conditional.answer(
        request, etag=etag, last_modified=last_modified, build=lambda: FEEDS[fmt]()(request, channel=channel)
    )


@read_only_api_view
def press_feed(request, fmt: str):
    language = language_param(request)
    channel = Channel(
        title="Persberichten",
        description="Persberichten van de stad, zodra het embargo verstreken is.",
        link=section_url(request, PressRoomPage, language),
        language=language,
        pages=selectors.press_releases(language=language),
    )
    return _feed_response(request, fmt, kind="press", channel=channel, models=[PressReleasePage])


@read_only_api_view
def wijk_feed(request, slug: str, fmt: str):
    wijk = wijk_or_404(slug)
    language = language_param(request)
    channel = Channel(
        title=f"Nieuws uit {wijk.name}",
        description=f"Artikels uit de wijkkrant van {wijk.name} en het stadsnieuws voor heel Gent.",
        link=section_url(request, WijkPage, language, wijk=wijk),
        language=language,
        pages=selectors.wijk_articles(wijk=wijk, language=language),
    )
    return _feed_response(request, fmt, kind=f"wijk:{wijk.pk}", channel=channel, models=[MagazineArticle])


@read_only_api_view
def theme_feed(request, slug: str, fmt: str):
    theme = theme_or_404(slug)
    language = language_param(request)
    name = theme_name(theme, language)
    channel = Channel(
        title=name,
        description=f"Nieuwe en bijgewerkte pagina's over {name}.",
        link=home_url(request, language),
        language=language,
        pages=selectors.theme_pages(theme=theme, language=language),
    )
    return _feed_response(request, fmt, kind=f"theme:{theme.pk}", channel=channel, models=selectors.THEMED_MODELS)
