"""GET /api/automation/crisis/cap/feed.atom and /cap/<id>.xml: what a notice board polls, read with feedparser."""

from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from django.utils.http import http_date

from automation.crisis.cap.feed import RECENT
from automation.crisis.cap.models import CapMessage
from automation.crisis.cap.publish import cap_alert_update
from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.services import crisis_alert_end
from tests.automation.crisis.cap.conftest import NS, TEXTS

pytestmark = pytest.mark.django_db
FEED = "/api/automation/crisis/cap/feed.atom"


def read_feed(client, **params):
    response = client.get(FEED, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def cap_link(entry) -> str:
    [link] = [link for link in entry.links if link.get("type") == "application/cap+xml"]
    return link.href


def test_the_feed_lists_active_and_ended_alerts_by_their_latest_message_never_drafts(client, send_alert, officers, rabot):
    active = send_alert(wijken=[rabot], title="Actief")
    ended = send_alert(title="Voorbij", texts={"nl": AlertText("Gaslek Dampoort", "Gaslek."), "en": AlertText("Gas leak", "Gas.")})
    crisis_alert_end(alert=ended, by=officers[0])
    updated = send_alert(title="Bijgewerkt", texts={"nl": AlertText("Storm", "Storm op komst.")})
    cap_alert_update(alert=updated)
    crisis_alert_compose(by=officers[0], title="Ontwerp", texts={"nl": AlertText("Ontwerp-kop", "Nog niet.")},
                         wijken=[], channels=["sms"])

    feed = read_feed(client)
    titles = [entry.title for entry in feed.entries]
    assert sorted(titles) == sorted([TEXTS["nl"].headline, "Beëindigd: Gaslek Dampoort", "Storm"])
    kinds = {entry.title: entry.tags[0].term for entry in feed.entries}
    assert kinds == {TEXTS["nl"].headline: "Alert", "Beëindigd: Gaslek Dampoort": "Cancel", "Storm": "Update"}
    assert feed.feed.title == "Stad Gent: Crisisberichten"
    latest = {message.alert_id: message for message in CapMessage.objects.order_by("pk")}
    expected_links = {f"http://testserver/api/automation/crisis/cap/{latest[alert.pk].pk}.xml" for alert in (active, ended, updated)}
    assert {cap_link(entry) for entry in feed.entries} == expected_links


def test_each_entry_links_to_its_valid_cap_document(client, send_alert, read_cap, rabot):
    send_alert(wijken=[rabot])
    [entry] = read_feed(client).entries
    response = client.get(cap_link(entry).removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/cap+xml; charset=utf-8"
    root = read_cap(response.content)
    assert root.findtext("cap:info/cap:headline", namespaces=NS) == entry.title


def test_entries_in_the_readers_language_falling_back_to_dutch(client, send_alert, officers):
    send_alert(title="Drie talen")
    send_alert(title="Alleen Nederlands", texts={"nl": AlertText("Alleen in het Nederlands", "Tekst.")})
    titles = sorted(entry.title for entry in read_feed(client, lang="fr").entries)
    assert titles == ["Alleen in het Nederlands", TEXTS["fr"].headline]
    assert read_feed(client, lang="en").feed.title == "Stad Gent: Crisis alerts"


def test_only_the_most_recently_ended_alerts_stay_listed(client, send_alert, officers):
    alerts = [send_alert(title=f"Alarm {n}", texts={"nl": AlertText(f"Alarm {n}", "Tekst.")}) for n in range(RECENT + 2)]
    for alert in alerts:
        crisis_alert_end(alert=alert, by=officers[0])
    titles = [entry.title for entry in read_feed(client).entries]
    assert len(titles) == RECENT
    assert "Beëindigd: Alarm 0" not in titles and "Beëindigd: Alarm 1" not in titles
    assert f"Beëindigd: Alarm {RECENT + 1}" in titles


def test_an_empty_feed_is_still_a_valid_feed(client):
    feed = read_feed(client)
    assert feed.entries == []
    assert feed.version == "atom10"


def test_unknown_parameters_and_languages_are_refused_naming_them(client):
    response = client.get(FEED, {"lang": "de", "wijk": "rabot"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert sorted(param["name"] for param in response.json()["invalid_params"]) == ["lang", "wijk"]


def test_an_unknown_message_is_a_404_problem(client):
    response = client.get("/api/automation/crisis/cap/999999.xml")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_the_feed_answers_a_conditional_get_with_304_until_a_message_is_published(client, send_alert, officers, rabot):
    alert = send_alert(wijken=[rabot])
    CapMessage.objects.filter(alert=alert).update(sent=timezone.now().replace(microsecond=0) - timedelta(minutes=5))
    first = client.get(FEED)
    assert first["ETag"] and first["Last-Modified"] and "max-age" in first["Cache-Control"]
    assert client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(FEED, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(FEED, {"lang": "en"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

    crisis_alert_end(alert=alert, by=officers[0])
    after = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    assert client.get(FEED, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_a_cap_document_answers_a_conditional_get(client, send_alert):
    send_alert()
    message = CapMessage.objects.get()
    url = f"/api/automation/crisis/cap/{message.pk}.xml"
    first = client.get(url)
    assert first["Last-Modified"] == http_date(message.sent.timestamp())
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200
