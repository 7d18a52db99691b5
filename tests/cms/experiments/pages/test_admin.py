"""The admin: start an experiment (refusals named on their field), read its results, stop it,
and find it from the page's editor."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.core.editors import EditorGroup, editorial_network_ensure
from cms.experiments.pages.models import ExperimentStatus, PageExperiment, PageView

from .conftest import APPLY, PATH

ADD = "/admin/snippets/experiments/pageexperiment/add/"


@pytest.fixture
def reviewer(client, tree, django_user_model):
    editorial_network_ensure()
    user = django_user_model.objects.create_user("eindredactie", "e@stad.gent.example", "pw")
    user.groups.add(Group.objects.get(name=EditorGroup.REVIEWERS))
    client.force_login(user)
    return client


def form_data(page, *, control="50", versions=(("Vraag nu een ophaling aan", "50"),), measured_link=""):
    data = {
        "name": "Knoptekst grofvuil", "page": str(page.pk), "field": "call_to_action",
        "measured_link": measured_link, "control_weight": control,
        "starts_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"), "ends_at": "",
        "versions-TOTAL_FORMS": str(len(versions)), "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "1", "versions-MAX_NUM_FORMS": "1000",
    }
    for index, (text, weight) in enumerate(versions):
        data.update({f"versions-{index}-text": text, f"versions-{index}-weight": weight,
                     f"versions-{index}-ORDER": str(index + 1), f"versions-{index}-DELETE": "",
                     f"versions-{index}-id": ""})
    return data


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_a_reviewer_starts_an_experiment_and_an_empty_link_means_the_first_button(reviewer, cta_page):
    response = reviewer.post(ADD, form_data(cta_page))
    assert response.status_code == 302, text_of(response)[:3000]
    experiment = PageExperiment.objects.get()
    assert experiment.measured_link == APPLY
    assert experiment.weights() == [("A", 50), ("B", 50)]
    assert experiment.texts() == {"B": "Vraag nu een ophaling aan"}


def test_a_split_not_adding_up_is_refused_on_the_share_field(reviewer, cta_page):
    response = reviewer.post(ADD, form_data(cta_page, control="70"))
    assert response.status_code == 200
    assert "moeten samen 100 % zijn, niet 120 %" in text_of(response)
    assert not PageExperiment.objects.exists()


def test_an_empty_version_is_refused(reviewer, cta_page):
    response = reviewer.post(ADD, form_data(cta_page, versions=(("", "50"),)))
    assert response.status_code == 200
    assert "Tekst * Dit is een verplicht veld." in text_of(response)
    assert "moeten samen 100 %" not in text_of(response)  # the row's own error, not a follow-up
    assert not PageExperiment.objects.exists()


def test_a_page_that_is_not_public_is_refused(reviewer, cta_page):
    cta_page.unpublish()
    response = reviewer.post(ADD, form_data(cta_page))
    assert response.status_code == 200
    assert "Deze pagina is niet publiek" in text_of(response)
    assert not PageExperiment.objects.exists()


def test_the_results_page_shows_views_clicks_verdict_and_chart(reviewer, client, start_experiment):
    experiment = start_experiment()
    for _ in range(6):
        client.get(PATH)
    view = PageView.objects.first()
    PageView.objects.filter(pk=view.pk).update(clicked_at=timezone.now())
    response = reviewer.get(f"/admin/pagina-experimenten/{experiment.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    exposed = {version: PageView.objects.filter(version=version).count() for version in "AB"}
    for version in "AB":
        assert f'data-testid="exposed-{version}">{exposed[version]}<' in html
        clicked = 1 if view.version == version else 0
        assert f'data-testid="clicked-{version}">{clicked}<' in html
    assert "Nog te vroeg" in text_of(response)  # fewer than 100 views per version
    assert "<svg" in html and "Versie B" in html


def test_stopping_by_hand(reviewer, client, start_experiment):
    experiment = start_experiment()
    response = reviewer.post(f"/admin/pagina-experimenten/{experiment.pk}/")
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.STOPPED and experiment.stopped_at is not None
    assert "experiment" not in client.get(PATH).json()
    assert "Experiment stoppen" not in reviewer.get(f"/admin/pagina-experimenten/{experiment.pk}/").content.decode()


def test_the_page_editor_says_the_page_has_an_experiment(reviewer, cta_page, start_experiment):
    experiment = start_experiment()
    response = reviewer.get(f"/admin/pages/{cta_page.pk}/edit/")
    text = text_of(response)
    assert "Deze pagina heeft een experiment" in text
    assert f"/admin/pagina-experimenten/{experiment.pk}/" in response.content.decode()


def test_a_page_without_experiment_has_no_notice(reviewer, tree):
    response = reviewer.get(f"/admin/pages/{tree.theme_page.pk}/edit/")
    assert "Deze pagina heeft een experiment" not in text_of(response)


def test_someone_who_may_not_edit_the_page_cannot_read_the_results(client, tree, start_experiment, django_user_model):
    experiment = start_experiment()
    editorial_network_ensure()
    user = django_user_model.objects.create_user("campagne", "c@stad.gent.example", "pw")
    user.groups.add(Group.objects.get(name=EditorGroup.CAMPAGNETEAM))
    client.force_login(user)
    response = client.get(f"/admin/pagina-experimenten/{experiment.pk}/")
    assert response.status_code in (302, 403)
