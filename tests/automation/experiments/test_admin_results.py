"""The experiments in the admin: the results page (verdict, chart with its table), the CSV, stopping, the form's errors."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from automation.experiments.demo import demo_experiment_install
from automation.experiments.models import MessageExperiment
from automation.journeys.demo import demo_journey_install
from tests.automation.experiments.helpers import citizens, enrol, journey_with_experiment

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser(username="redacteur", password="x", email="r@example.be")
    client.force_login(user)
    return client


def url(name, *args):
    return reverse(f"automation_message_experiments:{name}", args=args)


def test_the_demo_experiment_shows_a_verdict_a_chart_and_its_table(rabot, admin):
    demo_journey_install()
    experiment = demo_experiment_install()
    assert demo_experiment_install() is None  # idempotent
    listing = admin.get(url("index")).content.decode()
    assert experiment.name in listing and url("results", experiment.pk) in listing
    page = admin.get(url("results", experiment.pk)).content.decode()
    assert "Versie B brengt" in page and "meer mensen ertoe hun aanvraag volledig te maken" in page and "U kunt nu stoppen" in page
    assert "<svg" in page and 'data-testid="arms-table"' in page
    assert "op elk moment bekijken" in page
    rows = list(csv.DictReader(io.StringIO(admin.get(url("results_csv", experiment.pk)).content.decode())))
    assert [row["versie"] for row in rows] == ["A", "B"]
    assert sum(int(row["bereikt"]) for row in rows) == 300
    assert int(rows[1]["omgezet"]) / int(rows[1]["bereikt"]) > int(rows[0]["omgezet"]) / int(rows[0]["bereikt"])


def test_an_editor_stops_an_experiment_by_hand_and_reads_why(rabot, admin):
    experiment, trigger = journey_with_experiment()
    enrol(trigger, citizens(4))
    page = admin.get(url("results", experiment.pk)).content.decode()
    assert "Nog te vroeg" in page and "Experiment stoppen" in page
    response = admin.post(url("stop", experiment.pk), {"reason": "Fout in versie B"}, follow=True)
    text = response.content.decode()
    assert "Fout in versie B" in text and "Experiment stoppen" not in text
    assert MessageExperiment.objects.get().status == "stopped"


def test_the_form_names_the_field_of_a_split_that_does_not_add_up_and_of_a_version_without_text(rabot, admin):
    experiment, _trigger = journey_with_experiment()
    data = {
        "name": "Tweede", "key": "tweede", "status": "draft", "journey": experiment.journey_id, "step_key": "ontvangen",
        "language": "nl", "outcome": "click", "outcome_days": "14", "outcome_phrase": "te klikken", "test_share": "100",
        "arms-TOTAL_FORMS": "2", "arms-INITIAL_FORMS": "0", "arms-MIN_NUM_FORMS": "2", "arms-MAX_NUM_FORMS": "1000",
        "arms-0-name": "A", "arms-0-weight": "50", "arms-0-ORDER": "1",
        "arms-1-name": "B", "arms-1-weight": "40", "arms-1-ORDER": "2",
    }
    response = admin.post(url("add"), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "tellen op tot 90 %" in text
    assert "Versie B: vul een tekst in" in text
    assert MessageExperiment.objects.count() == 1
    data.update({"arms-1-weight": "50", "arms-1-text": "Kort en duidelijk"})
    assert admin.post(url("add"), data).status_code == 302
    assert MessageExperiment.objects.get(key="tweede").arms.count() == 2
