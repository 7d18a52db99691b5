"""The editorial network: writers submit for review, reviewers approve and publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.core.editors import DEPARTMENTS, EditorGroup, department_group_name, editorial_network_ensure
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


@pytest.fixture
def network(tree):
    return editorial_network_ensure()


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@stad.gent.example", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def web_editor(network, make_user):
    return make_user("redacteur.milieu", department_group_name("Milieu en Klimaat"))


@pytest.fixture
def reviewer(network, make_user):
    return make_user("reviewer", EditorGroup.REVIEWERS)


@pytest.fixture
def draft(tree):
    return add_page(tree.theme_index, ThemePage, title="Sorteren", intro="Zo sorteert u.", publish=False)


def edit_form(page, action):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Zo sorteert u uw afval thuis.",
            "body": streamfield([]),
            "audience": "inwoners",
            "department": "Dienst Milieu en Klimaat",
            "last_reviewed": "",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def test_running_it_twice_changes_nothing(tree):
    editorial_network_ensure()
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    editorial_network_ensure()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts


def test_every_department_has_a_web_editor_group(network):
    names = set(Group.objects.values_list("name", flat=True))
    assert {department_group_name(name) for _, name in DEPARTMENTS} <= names
    assert {"Wijkredacteurs", "Persdienst", "Reviewers"} <= names


def test_the_review_workflow_covers_every_page(network, tree):
    assert tree.theme_page.get_workflow().name == "Redactie en review"
    assert tree.release.get_workflow().name == "Redactie en review"


def test_web_editor_can_edit_theme_pages_but_not_wijk_pages_and_cannot_publish(web_editor, tree):
    assert tree.theme_page.permissions_for_user(web_editor).can_edit()
    assert not tree.theme_page.permissions_for_user(web_editor).can_publish()
    assert not tree.wijk_page.permissions_for_user(web_editor).can_edit()


def test_wijk_editor_edits_wijk_pages_and_magazines(network, make_user, tree):
    wijkredacteur = make_user("wijkredacteur", EditorGroup.WIJKREDACTEURS)
    assert tree.wijk_page.permissions_for_user(wijkredacteur).can_edit()
    assert tree.article.permissions_for_user(wijkredacteur).can_edit()
    assert not tree.release.permissions_for_user(wijkredacteur).can_edit()


def test_editor_submits_for_review_and_cannot_publish(client, web_editor, draft):
    client.force_login(web_editor)
    url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))

    response = client.post(url, edit_form(draft, "action-publish"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live

    response = client.post(url, edit_form(draft, "action-submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Review door de reviewers"
    # The editor has no review actions; the reviewer does.
    assert state.current_task_state.task.specific.get_actions(draft, web_editor) == []


def test_reviewer_approves_and_the_page_goes_live(client, web_editor, reviewer, draft):
    client.force_login(web_editor)
    client.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), edit_form(draft, "action-submit"))
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft.pk))

    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", state.current_task_state.pk))
    assert client.post(url).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.specific.intro == "Zo sorteert u uw afval thuis."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_campaign_team_builds_journeys_and_previews_templates_but_web_editors_cannot(client, network, make_user):
    """The communication team works in Automatisering; a web editor sees none of it."""
    campaign = make_user("campagne", EditorGroup.CAMPAGNETEAM)
    client.force_login(campaign)
    for name in ("automation_journeys:index", "automation_journeys:add", "automation_templates:index"):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("automation_messages:index")).status_code == 200
    assert not campaign.has_perm("contacts.erase_citizen")

    client.force_login(make_user("redacteur.x", department_group_name("Milieu en Klimaat")))
    for name in ("automation_journeys:index", "automation_templates:index"):
        assert client.get(reverse(name)).status_code in (302, 403), name


def test_a_web_editor_may_pretest_a_draft_with_the_panel_and_read_the_answers(client, web_editor):
    assert web_editor.has_perm("panel.add_pretest") and web_editor.has_perm("panel.view_pretest")
    assert not web_editor.has_perm("panel.delete_pretest")
    client.force_login(web_editor)
    assert client.get(reverse("panel_admin:index")).status_code == 200
