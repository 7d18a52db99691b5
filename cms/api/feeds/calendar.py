"""iCalendar (RFC 5545) subscriptions: `/api/feeds/events.ics` and `/api/feeds/wijk/<slug>/events.ics`.

Built with the `icalendar` package. Each event's UID is stable per page and language
(`event-<page id>@<host>`), so a calendar app updates an event in place when the city
changes its time, and removes it when it leaves the feed. Times are written in UTC (no
VTIMEZONE needed, every client converts); DTSTAMP and LAST-MODIFIED are the page's last
publication, so a republished event is recognised as changed.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event

from cms.api.feeds import conditional, selectors
from cms.api.feeds.handling import read_only_api_view
from cms.api.feeds.params import language_param
from cms.api.feeds.taxonomy import wijk_or_404
from cms.core.publishing import public_url
from cms.events.models import EventPage

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _location(event: EventPage) -> str:
    return ", ".join(part for part in (event.location_name, event.address) if part)


def build_calendar(request, *, name: str, language: str, events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Vrijhaven//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0]
    for page in events:
        event = Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", page.start)
        if page.end:
            event.add("dtend", page.end)
        event.add("dtstamp", page.last_published_at)
        event.add("last-modified", page.last_published_at)
        if page.intro:
            event.add("description", page.intro)
        location = _location(page)
        if location:
            event.add("location", location)
        event.add("url", public_url(page.url_path, request=request))
        calendar.add_component(event)
    return calendar.to_ical()


def _calendar_response(request, *, kind: str, name: str, language: str, events):
    etag, last_modified = conditional.validators(
        request, kind=kind, pages=events, models=[EventPage], extra=[language, name]
    )

    def build():
        response = HttpResponse(build_calendar(request, name=name, language=language, events=events),
                                content_type=CONTENT_TYPE)
        response["Content-Disposition"] = 'inline; filename="events.ics"'
        return response

    return conditional.answer(request, etag=etag, last_modified=last_modified, build=build)


@read_only_api_view
def events_calendar(request):
    language = language_param(request)
    events = selectors.events(language=language)
    name = f"{settings.WAGTAIL_SITE_NAME}: activiteiten"
    return _calendar_response(request, kind="events", name=name, language=language, events=events)


@read_only_api_view
def wijk_events_calendar(request, slug: str):
    wijk = wijk_or_404(slug)
    language = language_param(request)
    events = selectors.events(language=language, wijk=wijk)
    name = f"{settings.WAGTAIL_SITE_NAME}: activiteiten in {wijk.name}"
    return _calendar_response(request, kind=f"events:{wijk.pk}", name=name, language=language, events=events)
