"""The Pretests screens: make and send a pretest of a draft, then its results, with no personal data in sight."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from automation.panel.models import Pretest
from tests.automation.api.subscription_helpers import post_json
from tests.automation.panel.conftest import invitation_tokens, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def members(wijken):
    return [make_member(n=n, wijk=wijken["ledeberg"]) for n in range(1, 5)]


def create_and_send(editor, draft_page, wijken, django_capture_on_commit_callbacks) -> Pretest:
    response = editor.post(reverse("panel_admin:create"), {
        "name": "Grofvuil aan huis", "page": draft_page.pk, "language": "nl",
        "question_scale": "Is deze tekst duidelijk?", "question_action": "Wat zou u nu doen?",
        "question_comment": "Opmerking", "question_extra": "", "sample_size": 3,
        "wijken": [wijken["ledeberg"].pk], "every": 5,
    })  # fmt: skip
    pretest = Pretest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("panel_admin:detail", args=[pretest.pk])
    detail = editor.get(response["Location"]).content.decode()
    assert "4 panelleden komen in aanmerking" in detail
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("panel_admin:send", args=[pretest.pk]))
    pretest.refresh_from_db()
    return pretest


def test_the_menu_and_the_page_edit_view_lead_to_pretests(editor, draft_page):
    assert reverse("panel_admin:index") in editor.get(reverse("wagtailadmin_home")).content.decode()
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[draft_page.pk])).content.decode()
    assert f"{reverse('panel_admin:create')}?page={draft_page.pk}" in edit


def test_an_editor_makes_and_sends_a_pretest_and_sees_the_answers_without_names(
    editor, client, draft_page, wijken, members, django_capture_on_commit_callbacks
):
    pretest = create_and_send(editor, draft_page, wijken, django_capture_on_commit_callbacks)
    assert pretest.status == "sent" and pretest.invitations.count() == 3
    gaps = pretest.cloze["answers"]
    tokens = invitation_tokens()
    answers = [(5, "Ik maak een afspraak.", gaps), (2, "Geen idee, ik bel lid2@example.org", ["?"] * len(gaps))]
    for token, (clear, action, cloze) in zip(tokens, answers):
        body = {"answers": {"duidelijk": clear, "actie": action}, "cloze": cloze}
        assert post_json(client, f"/api/automation/panel/pretests/{token}/", body).status_code == 201
    page = editor.get(reverse("panel_admin:detail", args=[pretest.pk])).content.decode()
    assert re.search(r'data-figure="invited">3<', page) and re.search(r'data-figure="answered">2<', page)
    assert re.search(r'data-scale="5">1<', page) and re.search(r'data-scale="2">1<', page)
    assert "<svg" in page and 'role="img"' in page  # the chart, with its table beside it
    assert "Ik maak een afspraak." in page and "Geen idee, ik bel [weggelaten]" in page
    assert 'data-figure="cloze-mean">50 %<' in page  # one all right, one all wrong
    for member in members:  # nobody's address, reference or name is on the results page
        assert member.citizen.email not in page and member.citizen.ref not in page


def test_the_form_refuses_neither_or_both_of_page_and_template(editor):
    response = editor.post(reverse("panel_admin:create"), {"name": "x", "language": "nl", "question_scale": "a",
                                                            "question_action": "b", "question_comment": "c",
                                                            "sample_size": 3, "every": 5})  # fmt: skip
    assert response.status_code == 200 and "Kies een pagina of een berichtsjabloon" in response.content.decode()
    assert not Pretest.objects.exists()


def test_without_permission_there_are_no_results(client, django_user_model, draft_page):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("redacteur", "r@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("panel_admin:index"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")  # Wagtail's "no permission"
    assert reverse("panel_admin:index") not in client.get(reverse("wagtailadmin_home")).content.decode()  # no menu item
