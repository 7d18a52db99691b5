"""The message log's filters and the report: counts per journey and wijk from real rows, charts as SVG."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from automation.dossiers.models import Dossier
from automation.journeys.models import Journey
from automation.messages.models import DeliveryEvent, Message
from automation.messages.tracking import DeliveryReport, delivery_report_apply
from automation.messages.transitions import message_transition
from automation.reports.message_counts import message_counts_by
from cms.core.models import Wijk
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Kind, Status = DeliveryEvent.Kind, Message.Status
event_ids = count(1)


def sent(message) -> Message:
    message_transition(message_id=message.pk, from_status=Status.CREATED, to_status=Status.SENDING)
    message_transition(message_id=message.pk, from_status=Status.SENDING, to_status=Status.SENT, sent_at=timezone.now())
    return message


def report(message, kind) -> None:
    delivery_report_apply(
        DeliveryReport(
            provider="test-esp", event_id=f"evt-{next(event_ids)}", kind=kind, occurred_at=timezone.now(),
            reference=str(message.reference),
        )
    )  # fmt: skip


@pytest.fixture
def log(rabot):
    """Two journeys, two wijken, messages in every state, reports through the real tracking path."""
    elsewhere = Wijk.objects.exclude(pk=rabot.pk).order_by("name").first()
    permit = Journey.objects.create(slug="vergunning", name="Vergunning")
    digest = Journey.objects.create(slug="digest", name="Wijkdigest")
    an = make_citizen(ref="an", email="an@example.be")
    an.wijk = rabot
    an.save()
    bo = make_citizen(ref="bo", email="bo@example.be", phone="+32470000001")
    bo.wijk = elsewhere
    bo.save()
    dossier = Dossier.objects.create(source="omgevingsloket", external_id="OMV-1", type="omgevingsvergunning", citizen=an)

    opened_twice = sent(make_message(an, journey=permit, dossier=dossier))
    report(opened_twice, Kind.DELIVERED)
    report(opened_twice, Kind.OPENED)
    report(opened_twice, Kind.OPENED)
    report(opened_twice, Kind.CLICKED)
    bounced = sent(make_message(an, journey=permit, dossier=dossier, channel="sms"))
    report(bounced, Kind.BOUNCED)
    make_message(an, journey=permit)  # not sent yet
    unsubscribed = sent(make_message(bo, journey=digest))
    report(unsubscribed, Kind.DELIVERED)
    report(unsubscribed, Kind.UNSUBSCRIBED)
    sent(make_message(bo, journey=None, channel="sms"))  # e.g. a crisis alert
    return {"permit": permit, "digest": digest, "rabot": rabot, "elsewhere": elsewhere}


def counts(breakdown):
    return {row.label: (row.messages, row.counts) for row in message_counts_by(breakdown)}


def test_counts_per_journey_from_real_rows(log):
    assert counts("journey") == {
        "Vergunning": (3, {"sent": 2, "delivered": 1, "opened": 1, "clicked": 1, "bounced": 1, "milestone": 0, "unsubscribed": 0}),
        "Wijkdigest": (1, {"sent": 1, "delivered": 1, "opened": 0, "clicked": 0, "bounced": 0, "milestone": 0, "unsubscribed": 1}),
        "Zonder journey (crisis of los bericht)": (
            1, {"sent": 1, "delivered": 0, "opened": 0, "clicked": 0, "bounced": 0, "milestone": 0, "unsubscribed": 0},
        ),
    }  # fmt: skip


def test_counts_per_wijk_from_real_rows(log):
    by_wijk = counts("wijk")
    assert by_wijk[log["rabot"].name] == (
        3, {"sent": 2, "delivered": 1, "opened": 1, "clicked": 1, "bounced": 1, "milestone": 0, "unsubscribed": 0},
    )  # fmt: skip
    assert by_wijk[log["elsewhere"].name] == (
        2, {"sent": 2, "delivered": 1, "opened": 0, "clicked": 0, "bounced": 0, "milestone": 0, "unsubscribed": 1},
    )  # fmt: skip


def test_the_report_costs_the_same_queries_for_five_or_fifty_messages(log, admin_client, django_assert_num_queries):
    url = reverse("automation_messages:report")
    admin_client.get(url)  # warm: session, user, template
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    citizen = make_citizen(ref="many", email="many@example.be")
    for _ in range(45):
        report(sent(make_message(citizen, journey=log["digest"])), Kind.OPENED)
    with django_assert_num_queries(len(few.captured_queries)):
        response = admin_client.get(url)
    assert response.status_code == 200


def test_the_log_lists_five_or_fifty_messages_in_the_same_queries(log, admin_client):
    url = reverse("automation_messages:index")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as five:
        admin_client.get(url)
    citizen = make_citizen(ref="many", email="many@example.be")
    for _ in range(45):
        make_message(citizen, journey=log["digest"])
    with CaptureQueriesContext(connection) as fifty:
        page = admin_client.get(url).content.decode()
    assert re.search(r"<td\s*>\s*many\s*</td>", page)  # the citizen column is there
    assert len(fifty.captured_queries) == len(five.captured_queries)


def test_the_report_page_draws_labelled_svg_charts_with_a_table(log, admin_client):
    response = admin_client.get(reverse("automation_messages:report"))
    page = response.content.decode()
    # per journey, per wijk, per language (no crisis alert in this log: that section says so, without a chart)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 3
    assert '<title id="chart-journey-title">Berichten per journey</title>' in page
    assert "<title>Vergunning: geopend (onbetrouwbaar) 1</title>" in page and "<title>Wijkdigest: afgemeld 1</title>" in page
    figures = reverse("automation_messages:figures", args=["journey", log["permit"].pk])
    rows = re.findall(
        rf"<tr><th scope=\"row\"><a href=\"{figures}\">Vergunning</a></th><td>(\d+)</td>((?:<td[^>]*>\d+</td>)+)</tr>", page
    )
    assert rows == [("3", '<td data-metric="sent">2</td><td data-metric="delivered">1</td><td data-metric="opened">1</td>'
                          '<td data-metric="clicked">1</td><td data-metric="bounced">1</td><td data-metric="milestone">0</td>'
                          '<td data-metric="unsubscribed">0</td>')]
    assert "Geen berichten in deze periode." in page  # no crisis alert yet


def test_the_report_filters_by_period_and_channel(log, admin_client):
    url = reverse("automation_messages:report")
    sms_only = admin_client.get(url, {"channel": "sms"}).content.decode()
    assert "Wijkdigest" not in sms_only and "Vergunning" in sms_only
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Geen berichten in deze periode." in admin_client.get(url, {"since": tomorrow}).content.decode()


def test_the_log_filters_by_wijk_channel_status_journey_citizen_and_date(log, admin_client):
    url = reverse("automation_messages:index")

    def listed(**params):
        page = admin_client.get(url, params).content.decode()
        return sorted(str(m.reference) for m in Message.objects.all() if str(m.reference) in page)

    def refs(queryset):
        return sorted(str(m.reference) for m in queryset)

    assert listed(wijk=log["elsewhere"].pk) == refs(Message.objects.filter(citizen__ref="bo"))
    assert listed(channel="sms", status="failed") == refs(Message.objects.filter(channel="sms", status="failed"))
    assert listed(journey=log["permit"].pk) == refs(Message.objects.filter(journey=log["permit"]))
    assert listed(citizen__ref="an", dossier__external_id="OMV-1") == refs(Message.objects.filter(dossier__isnull=False))
    today = timezone.localdate().isoformat()
    assert len(listed(created_at_from=today, created_at_to=today)) == 5
    assert listed(created_at_from=(timezone.localdate() + timedelta(days=1)).isoformat()) == []


def test_the_report_needs_the_message_view_permission(client, django_user_model):
    user = django_user_model.objects.create_user(username="nobody", password="x")
    client.force_login(user)
    response = client.get(reverse("automation_messages:report"))
    assert response.status_code in (302, 403) and "<svg" not in response.content.decode()
