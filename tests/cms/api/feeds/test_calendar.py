"""iCalendar subscriptions, read the way a calendar app reads them: through icalendar."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from cms.core.models import Wijk
from cms.events.models import EventPage
from tests.cms.conftest import add_page


def events_in(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_city_calendar_has_each_event_with_time_place_and_link(client, tree):
    tree.event.location_name = "Ledebergplein"
    tree.event.address = "Ledebergplein 1, 9050 Gent"
    tree.event.save_revision().publish()
    events = events_in(client.get("/api/feeds/events.ics"))
    event = events["Buurtfeest Ledeberg"]
    assert event.decoded("dtstart") == tree.event.start.replace(microsecond=0)
    assert event.decoded("dtend") == tree.event.end.replace(microsecond=0)
    assert str(event["location"]) == "Ledebergplein, Ledebergplein 1, 9050 Gent"
    assert str(event["url"]) == "http://localhost/nl/activiteiten/buurtfeest-ledeberg/"
    assert str(event["uid"]) == f"event-{tree.event.pk}@testserver"


def test_wijk_calendar_holds_only_that_wijks_events(client, tree):
    start = timezone.now() + datetime.timedelta(days=5)
    add_page(tree.event_index, EventPage, title="Stadsfeest", start=start)
    add_page(tree.event_index, EventPage, title="Dampoort danst", start=start, wijk=Wijk.objects.get(slug="dampoort"))
    assert set(events_in(client.get("/api/feeds/events.ics"))) == {"Buurtfeest Ledeberg", "Stadsfeest",
                                                                   "Dampoort danst"}
    assert set(events_in(client.get("/api/feeds/wijk/ledeberg/events.ics"))) == {"Buurtfeest Ledeberg"}


def test_long_past_events_leave_the_calendar(client, tree):
    add_page(tree.event_index, EventPage, title="Oud feest", start=timezone.now() - datetime.timedelta(days=200))
    assert "Oud feest" not in events_in(client.get("/api/feeds/events.ics"))


def test_unknown_wijk_calendar_is_a_404_problem(client, tree):
    response = client.get("/api/feeds/wijk/nergensland/events.ics")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_no_unpublished_event_in_a_calendar(client, tree, hidden_pages):
    for url in ["/api/feeds/events.ics", "/api/feeds/wijk/ledeberg/events.ics"]:
        assert set(events_in(client.get(url))) == {"Buurtfeest Ledeberg"}, url


def test_calendar_answers_304_and_changes_when_an_event_moves(client, tree):
    first = client.get("/api/feeds/events.ics")
    assert client.get("/api/feeds/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    tree.event.start += datetime.timedelta(hours=1)
    tree.event.end += datetime.timedelta(hours=1)
    tree.event.save_revision().publish()
    assert client.get("/api/feeds/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
