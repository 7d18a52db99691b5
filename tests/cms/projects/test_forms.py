"""The admin form: an editor who marks two phases as current gets an error, not a page."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.projects.models import ProjectPage
from cms.projects.phases import SINGLE_CURRENT_PHASE_MESSAGE


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("beheerder", "beheerder@stad.gent.example", "pw")
    client.force_login(admin)
    return client


def project_form(*phases):
    return nested_form_data(
        {
            "title": "Heraanleg Korenmarkt",
            "slug": "heraanleg-korenmarkt",
            "intro": "De Korenmarkt wordt autovrij.",
            "body": streamfield([]),
            "programme": "Binnenstad",
            "participation_status": "decided",
            "location": "Korenmarkt",
            "latitude": "",
            "longitude": "",
            "phases": inline_formset(
                [{"title": title, "start": "", "end": "", "description": "", "is_current": current,
                  "input_until": "", "question": "", "question_options": "", "outcome": ""}
                 for title, current in phases]
            ),
            "event_links": inline_formset([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def add_url(tree):
    return reverse("wagtailadmin_pages:add", args=("projects", "projectpage", tree.project_index.pk))


def test_two_current_phases_are_refused_in_the_admin(editor_client, tree):
    response = editor_client.post(add_url(tree), project_form(("Ontwerp", True), ("Werken", True)))
    assert response.status_code == 200
    assert SINGLE_CURRENT_PHASE_MESSAGE in response.content.decode()
    assert not ProjectPage.objects.filter(slug="heraanleg-korenmarkt").exists()


def test_one_current_phase_is_saved_from_the_admin(editor_client, tree):
    response = editor_client.post(add_url(tree), project_form(("Ontwerp", False), ("Werken", True)))
    assert response.status_code == 302
    project = ProjectPage.objects.get(slug="heraanleg-korenmarkt")
    assert project.current_phase.title == "Werken"
