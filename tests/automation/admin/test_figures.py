"""Figures of one journey or crisis alert: per wijk and language, milestones and unsubscribes, chart, table, CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from automation.contacts.services import consent_record
from automation.crisis.models import CrisisAlert
from automation.journeys.models import Enrolment, Journey, JourneyVersion
from automation.journeys.selectors import EXITED_ON_MILESTONE
from automation.messages.models import DeliveryEvent, MessageTemplate
from automation.reports.figures import figures_rows, figures_subject
from cms.core.models import Wijk
from cms.http.csv_download import csv_download
from tests.automation.admin.test_message_report import report, sent
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Kind = DeliveryEvent.Kind


@pytest.fixture
def campaign(rabot):
    """A reminder journey to an (nl, Rabot) and claire (fr, elsewhere), and a crisis alert to both."""
    elsewhere = Wijk.objects.exclude(pk=rabot.pk).order_by("name").first()
    journey = Journey.objects.create(slug="herinnering", name="Herinnering documenten")
    version = JourneyVersion.objects.create(journey=journey, number=1)
    an = make_citizen(ref="an", email="an@example.be")
    claire = make_citizen(ref="claire", email="claire@example.be", phone="+32470000002", language="fr")
    an.wijk, claire.wijk = rabot, elsewhere
    an.save(), claire.save()
    acted = Enrolment.objects.create(
        journey=journey, version=version, citizen=an, status=Enrolment.Status.EXITED,
        detail=f"{EXITED_ON_MILESTONE}documenten_ontvangen", occasion="a",
    )  # fmt: skip
    erased = Enrolment.objects.create(journey=journey, version=version, citizen=claire, status=Enrolment.Status.EXITED, occasion="b")
    to_an = sent(make_message(an, journey=journey, enrolment=acted))
    report(to_an, Kind.DELIVERED)
    report(to_an, Kind.OPENED)
    report(to_an, Kind.CLICKED)
    sent(make_message(an, journey=journey, enrolment=acted, channel="sms"))
    to_claire = sent(make_message(claire, journey=journey, enrolment=erased))
    to_claire.refresh_from_db()
    # claire uses the one-click link two days later: a consent change, attributed to this e-mail
    consent_record(citizen=claire, channel="email", granted=False, source="list-unsubscribe",
                   recorded_at=to_claire.sent_at + timedelta(days=2))  # fmt: skip
    template = MessageTemplate.objects.create(slug="storm", name="Storm")
    alert = CrisisAlert.objects.create(title="Storm =gevaar", template=template, channels=["email"], status="confirmed")
    for citizen in (an, claire):
        sent(make_message(citizen, crisis_alert=alert))
    return {"journey": journey, "alert": alert, "rabot": rabot, "elsewhere": elsewhere, "an": an}


def test_figures_of_a_journey_per_wijk_and_language(campaign):
    totals, rows = figures_rows(figures_subject(kind="journey", pk=campaign["journey"].pk).messages)
    assert totals.messages == 3
    assert {k: totals.counts[k] for k in ("sent", "delivered", "opened", "clicked", "milestone", "unsubscribed")} == {
        "sent": 3, "delivered": 1, "opened": 1, "clicked": 1, "milestone": 1, "unsubscribed": 1,
    }  # fmt: skip
    by_wijk = {row.label: (row.messages, row.counts["milestone"], row.counts["unsubscribed"]) for row in rows["wijk"]}
    assert by_wijk == {campaign["rabot"].name: (2, 1, 0), campaign["elsewhere"].name: (1, 0, 1)}
    by_language = {row.label: row.messages for row in rows["language"]}
    assert by_language == {"Nederlands": 2, "Français": 1}


def test_a_consent_withdrawn_long_after_the_message_is_not_counted_as_its_unsubscribe(campaign):
    an = campaign["an"]
    consent_record(citizen=an, channel="sms", granted=False, source="preference-centre",
                   recorded_at=timezone.now() + timedelta(days=30))  # fmt: skip
    totals, _rows = figures_rows(figures_subject(kind="journey", pk=campaign["journey"].pk).messages)
    assert totals.counts["unsubscribed"] == 1  # claire's, not an's sms a month later


def test_the_figures_page_shows_charts_beside_tables_and_says_opens_are_unreliable(campaign, admin_client):
    url = reverse("automation_messages:figures", args=["journey", campaign["journey"].pk])
    page = admin_client.get(url).content.decode()
    assert "Journey: Herinnering documenten" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 3  # total, per wijk, per taal
    assert "<th scope=\"col\">geopend (onbetrouwbaar)</th>" in page and "laden de afbeeldingen van elke e-mail vooraf" in page
    assert '<th scope="row">Français</th><td>1</td>' in page
    assert "an@example.be" not in page and "claire" not in page


def test_the_figures_page_costs_the_same_queries_for_few_or_many_messages(campaign, admin_client):
    url = reverse("automation_messages:figures", args=["crisis", campaign["alert"].pk])
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for n in range(20):
        sent(make_message(make_citizen(ref=f"c{n}", email=f"c{n}@example.be"), crisis_alert=campaign["alert"]))
    with CaptureQueriesContext(connection) as many:
        assert admin_client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_csv_is_a_streamed_download_with_dutch_headers_and_no_personal_data(campaign, admin_client):
    url = reverse("automation_messages:figures_csv", args=["journey", campaign["journey"].pk])
    response = admin_client.get(url)
    assert isinstance(response, StreamingHttpResponse) and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="cijfers-journey-{campaign["journey"].pk}.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["uitsplitsing", "groep", "berichten", "verstuurd", "afgeleverd", "geopend (onbetrouwbaar)",
                       "geklikt", "mijlpaal bereikt", "afgemeld"]  # fmt: skip
    assert rows[1] == ["totaal", "Totaal", "3", "3", "1", "1", "1", "1", "1"]
    assert ["per taal", "Français", "1", "1", "0", "0", "0", "0", "1"] in rows
    assert ["per wijk", campaign["rabot"].name, "2", "2", "1", "1", "1", "1", "0"] in rows
    assert len(rows) == 1 + 1 + 2 + 2
    assert "@" not in text and "an" not in {cell for row in rows for cell in row}


def test_the_csv_follows_the_period_filter(campaign, admin_client):
    url = reverse("automation_messages:figures_csv", args=["crisis", campaign["alert"].pk])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    text = b"".join(admin_client.get(url, {"since": tomorrow}).streaming_content).decode()
    assert text.splitlines()[1] == "totaal;Totaal;0;0;0;0;0;0;0"


def test_unknown_subjects_are_not_found_and_figures_need_the_message_permission(campaign, admin_client, client, django_user_model):
    # follow: a 404 under /admin/ is first redirected to the same path under the language prefix
    assert admin_client.get(reverse("automation_messages:figures", args=["poll", 1]), follow=True).status_code == 404
    assert admin_client.get(reverse("automation_messages:figures", args=["journey", 999999]), follow=True).status_code == 404
    client.force_login(django_user_model.objects.create_user(username="nobody", password="x"))
    response = client.get(reverse("automation_messages:figures_csv", args=["journey", campaign["journey"].pk]))
    assert response.status_code in (302, 403)


def test_a_label_that_looks_like_a_formula_cannot_run_in_a_spreadsheet():
    response = csv_download(filename="x.csv", header=["groep", "aantal"], rows=[["=HYPERLINK(\"x\")", 3], ["-1", -1]])
    text = b"".join(response.streaming_content).decode()
    assert text == '\ufeffgroep;aantal\r\n"\'=HYPERLINK(""x"")";3\r\n\'-1;-1\r\n'
