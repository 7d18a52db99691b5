"""A page under experiment in the content API: a version drawn per view, counted once, never cached;
every other page keeps its shared caching."""

from urllib.parse import parse_qs, urlsplit

from cms.api.caching import CACHE_CONTROL
from cms.experiments.pages.models import ExperimentField, PageView
from cms.experiments.pages.services import page_experiment_stop

from .conftest import APPLY, INFO, PATH

NEW_LABEL = "Vraag nu een ophaling aan"


def buttons(answer):
    return [block["value"] for block in answer["body"] if block["type"] == "call_to_action"]


def test_a_page_under_experiment_is_answered_per_view_and_not_cached(client, start_experiment):
    start_experiment()
    response = client.get(PATH)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag") and not response.has_header("Last-Modified")
    # A revalidation cannot turn into a shared 304 either.
    assert client.get(PATH, HTTP_IF_NONE_MATCH='W/"anything"').status_code == 200


def test_other_pages_keep_their_validators_and_shared_caching(client, tree, start_experiment):
    start_experiment()
    response = client.get("/api/content/nl/themas/grofvuil")
    assert response["Cache-Control"] == CACHE_CONTROL and response["ETag"].startswith('W/"')
    assert client.get("/api/content/nl/themas/grofvuil", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_each_view_is_drawn_anew_and_both_versions_appear(client, start_experiment):
    experiment = start_experiment()
    labels = []
    for _ in range(40):
        answer = client.get(PATH).json()
        first = buttons(answer)[0]
        labels.append((answer["experiment"]["version"], first["label"]))
    assert {version for version, _label in labels} == {"A", "B"}  # 40 fair draws all alike: 2 in a trillion
    for version, label in labels:
        assert label == ("Maak een afspraak" if version == "A" else NEW_LABEL)
    assert PageView.objects.filter(experiment=experiment).count() == 40  # one exposure per view
    shown = [version for version, _label in labels]
    assert PageView.objects.filter(version="B").count() == shown.count("B")


def test_the_measured_button_leads_through_the_counting_link_and_the_other_does_not(client, start_experiment):
    start_experiment()
    answer = client.get(PATH).json()
    measured, other = buttons(answer)
    click = answer["experiment"]["click"]
    assert measured["url"] == click and urlsplit(click).path == "/api/experiments/click/"
    assert parse_qs(urlsplit(click).query)["t"]
    assert other["url"] == INFO and other["label"] == "Meer over grofvuil"
    assert answer["experiment"]["measured_link"] == APPLY
    assert answer["experiment"]["field"] == "call_to_action"


def test_every_view_gets_its_own_token(client, start_experiment):
    start_experiment()
    clicks = {client.get(PATH).json()["experiment"]["click"] for _ in range(5)}
    assert len(clicks) == 5


def test_a_title_experiment_changes_the_title_and_keeps_the_button_text(client, start_experiment):
    start_experiment(field=ExperimentField.TITLE, texts=("Grofvuil laten ophalen",), control_weight=0, weights=[100])
    answer = client.get(PATH).json()
    assert answer["title"] == "Grofvuil laten ophalen" and answer["experiment"]["version"] == "B"
    assert buttons(answer)[0]["label"] == "Maak een afspraak"


def test_an_intro_experiment_changes_the_intro(client, start_experiment):
    start_experiment(field=ExperimentField.INTRO, texts=("Gratis tot 3 m³.",), control_weight=0, weights=[100])
    assert client.get(PATH).json()["intro"] == "Gratis tot 3 m³."


def test_head_counts_nothing(client, start_experiment):
    start_experiment()
    response = client.head(PATH)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert not PageView.objects.exists()


def test_starting_an_experiment_retires_the_cached_answer_and_stopping_restores_caching(client, start_experiment):
    before = client.get(PATH)
    assert before["Cache-Control"] == CACHE_CONTROL  # now in the answer cache
    experiment = start_experiment()
    during = client.get(PATH)
    assert during["Cache-Control"] == "private, no-store" and "experiment" in during.json()
    assert page_experiment_stop(experiment=experiment)
    after = client.get(PATH)
    assert after["Cache-Control"] == CACHE_CONTROL and "experiment" not in after.json()
    assert buttons(after.json())[0] == {"label": "Maak een afspraak", "url": APPLY, "description": ""}
    assert PageView.objects.count() == 1


def test_an_experiment_that_has_not_started_or_has_ended_shows_nothing(client, start_experiment):
    from datetime import timedelta

    from django.utils import timezone

    start_experiment(starts_at=timezone.now() + timedelta(hours=1))
    assert "experiment" not in client.get(PATH).json()
    assert not PageView.objects.exists()


def test_an_answer_cached_before_a_scheduled_start_does_not_outlive_it(cta_page, start_experiment):
    from datetime import timedelta

    from django.utils import timezone

    from cms.api.answer_cache import lifetime

    start_experiment(starts_at=timezone.now() + timedelta(seconds=30))
    assert lifetime() <= 30
