"""GET /api/automation/crisis/active/: only alerts in force, filtered by wijk, in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import timezone

from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.models import CrisisAlert
from cms.core.models import Wijk

pytestmark = pytest.mark.django_db
URL = "/api/automation/crisis/active/"
Status = CrisisAlert.Status


@pytest.fixture
def make_alert(officers):
    def make(title, *, status=Status.FANNED_OUT, wijken=(), texts=None, ended=False, url=""):
        texts = texts or {"nl": AlertText(f"{title} (nl)", "Tekst."), "fr": AlertText(f"{title} (fr)", "Texte.")}
        alert = crisis_alert_compose(by=officers[0], title=title, texts=texts, wijken=list(wijken), channels=["sms"], url=url)
        confirmed = timezone.now() if status in (Status.CONFIRMED, Status.FANNED_OUT) else None
        CrisisAlert.objects.filter(pk=alert.pk).update(
            status=status, confirmed_at=confirmed, ended_at=timezone.now() if ended else None
        )
        return alert

    return make


def headlines(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [alert["headline"] for alert in response.json()["alerts"]]


def test_drafts_unconfirmed_cancelled_and_ended_alerts_are_never_shown(client, make_alert):
    make_alert("Ontwerp", status=Status.DRAFT)
    make_alert("Wacht", status=Status.AWAITING_CONFIRMATION)
    make_alert("Geannuleerd", status=Status.CANCELLED)
    make_alert("Voorbij", ended=True)
    make_alert("Bezig", status=Status.CONFIRMED)
    make_alert("Verstuurd", status=Status.FANNED_OUT)
    assert sorted(headlines(client)) == ["Bezig (nl)", "Verstuurd (nl)"]


def test_the_contract_shape_and_cache_header(client, make_alert, rabot):
    alert = make_alert("Brand", wijken=[rabot], url="https://stad.gent/brand")
    response = client.get(URL, {"lang": "nl"})
    assert response["Cache-Control"] == "public, max-age=30"
    alert.refresh_from_db()
    assert response.json() == {
        "alerts": [
            {
                "id": alert.pk,
                "headline": "Brand (nl)",
                "body": "Tekst.",
                "language": "nl",
                "wijken": [{"slug": "rabot-blaisantvest", "name": "Rabot - Blaisantvest"}],
                "city_wide": False,
                "sent_at": alert.confirmed_at.isoformat(),
                "url": "https://stad.gent/brand",
            }
        ]
    }


def test_a_wijk_sees_city_wide_alerts_and_its_own_not_another_wijks(client, make_alert, rabot):
    elsewhere = Wijk.objects.exclude(pk=rabot.pk).first()
    make_alert("Stad")
    make_alert("Rabot", wijken=[rabot])
    make_alert("Elders", wijken=[elsewhere])
    make_alert("Beide", wijken=[rabot, elsewhere])
    assert sorted(headlines(client, wijk=rabot.slug)) == ["Beide (nl)", "Rabot (nl)", "Stad (nl)"]
    assert sorted(headlines(client, wijk=elsewhere.slug)) == ["Beide (nl)", "Elders (nl)", "Stad (nl)"]
    assert headlines(client, wijk="geen-wijk") == []
    assert len(headlines(client)) == 4
    city = client.get(URL, {"wijk": rabot.slug}).json()["alerts"]
    assert [a["city_wide"] for a in city if a["headline"] == "Stad (nl)"] == [True]


def test_text_in_the_readers_language_else_dutch(client, make_alert):
    make_alert("Brand")
    english = client.get(URL, {"lang": "en"}).json()["alerts"][0]
    french = client.get(URL, {"lang": "fr"}).json()["alerts"][0]
    assert (english["headline"], english["language"]) == ("Brand (nl)", "nl")
    assert (french["headline"], french["body"], french["language"]) == ("Brand (fr)", "Texte.", "fr")


def test_bad_parameters_are_named(client, make_alert):
    response = client.get(URL, {"lang": "de", "colour": "red"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert {p["name"] for p in response.json()["invalid_params"]} == {"lang", "colour"}


def test_the_number_of_queries_does_not_grow_with_the_alerts(client, make_alert, rabot, django_assert_num_queries):
    make_alert("Een", wijken=[rabot])
    with django_assert_num_queries(4):  # the wijk, the alerts, their texts, their wijken
        client.get(URL, {"wijk": rabot.slug})
    for number in range(4):
        make_alert(f"Meer {number}", wijken=[rabot])
    with django_assert_num_queries(4):  # the wijk, the alerts, their texts, their wijken
        assert len(client.get(URL, {"wijk": rabot.slug}).json()["alerts"]) == 5


def test_the_endpoint_is_in_the_openapi_document(client):
    document = client.get("/api/schema/").json()
    operation = document["paths"]["/api/automation/crisis/active/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"lang", "wijk"}
    alert = document["components"]["schemas"]["ActiveCrisisAlert"]
    assert set(alert["required"]) == {"id", "headline", "body", "language", "wijken", "city_wide", "sent_at", "url"}
