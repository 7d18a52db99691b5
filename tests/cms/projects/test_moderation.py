"""Moderating reactions in the admin: the project's editors only, status changes recorded, CSV export, chart per wijk."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from cms.core.models import Wijk
from cms.projects.models import ProjectPage
from cms.projects.reactions import Reaction
from cms.projects.submission import ReactionInput, reaction_submit
from tests.cms.conftest import add_page

from .participation_fixtures import open_for_input


@pytest.fixture
def two_projects(tree):
    other = add_page(tree.project_index, ProjectPage, title="Park Wondelgem")
    open_for_input(tree.project)
    open_for_input(other)
    ledeberg = Wijk.objects.get(slug="ledeberg")
    for text, wijk in [("Meer bomen", ledeberg), ("Minder auto's", ledeberg), ("Een speeltuin", None)]:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text=text, wijk=wijk))
    reaction_submit(
        project=tree.project, phase_id=None,
        data=ReactionInput(text="Bel mij gerust", contact_consent=True, email="an@example.be", name="An"),
    )  # fmt: skip
    reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Zonder toestemming", email="x@example.be"))
    reaction_submit(project=other, phase_id=None, data=ReactionInput(text="Over Wondelgem"))
    return tree.project, other


def editor_of(page, django_user_model, client):
    """An editor whose group may edit `page` (and below) and nothing else."""
    group = Group.objects.create(name=f"Redactie {page.title}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename=codename))
    user = django_user_model.objects.create_user("redacteur", "r@stad.gent.example", "pw")
    user.groups.add(group)
    client.force_login(user)
    return user


def test_an_editor_sees_only_the_reactions_of_projects_they_may_edit(client, django_user_model, two_projects):
    dampoort, wondelgem = two_projects
    editor_of(wondelgem, django_user_model, client)
    page = client.get(reverse("inbreng:index")).content.decode()
    assert "Over Wondelgem" in page
    assert "Meer bomen" not in page
    hidden = Reaction.objects.get(text="Meer bomen")
    for name in ("edit", "inspect"):  # not found (the locale middleware may redirect the 404): never shown
        response = client.get(reverse(f"inbreng:{name}", args=[hidden.pk]), follow=True)
        assert response.status_code == 404 and "Meer bomen" not in response.content.decode()
    client.post(reverse("inbreng:delete", args=[hidden.pk]))
    assert Reaction.objects.filter(pk=hidden.pk).exists()


def test_someone_who_edits_no_project_cannot_open_the_screen(client, django_user_model, two_projects):
    editor_of(two_projects[0].get_parent().get_parent(), django_user_model, client)  # the home page: covers projects
    assert client.get(reverse("inbreng:index")).status_code == 200
    client.logout()
    stranger = django_user_model.objects.create_user("buitenstaander", "b@stad.gent.example", "pw")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    assert client.get(reverse("inbreng:index")).status_code in (302, 403)


def test_moderating_records_who_and_when(client, django_user_model, two_projects):
    dampoort, _ = two_projects
    user = editor_of(dampoort, django_user_model, client)
    reaction = Reaction.objects.get(text="Meer bomen")
    response = client.post(reverse("inbreng:edit", args=[reaction.pk]), {"status": "accepted"})
    assert response.status_code == 302
    reaction.refresh_from_db()
    assert reaction.status == "accepted" and reaction.moderated_by == user and reaction.moderated_at is not None
    assert reaction.text == "Meer bomen"  # the citizen's words cannot be edited


def test_the_csv_export_has_contact_details_only_where_consented(client, django_user_model, two_projects):
    dampoort, _ = two_projects
    editor_of(dampoort, django_user_model, client)
    response = client.get(reverse("inbreng:index") + f"?project={dampoort.pk}&export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 5
    by_text = {row["Reactie"]: row for row in rows}
    assert by_text["Bel mij gerust"]["E-mail (alleen met toestemming)"] == "an@example.be"
    assert by_text["Zonder toestemming"]["E-mail (alleen met toestemming)"] == ""


def test_the_chart_counts_reactions_per_wijk(client, django_user_model, two_projects):
    dampoort, _ = two_projects
    editor_of(dampoort, django_user_model, client)
    Reaction.objects.filter(text="Minder auto's").update(status="rejected")  # spam is not counted
    page = client.get(reverse("inbreng:chart") + f"?project={dampoort.pk}").content.decode()
    assert "<svg" in page
    assert 'data-wijk="Ledeberg">1<' in page
    assert 'data-wijk="Geen wijk opgegeven">3<' in page
