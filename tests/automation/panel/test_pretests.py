"""A pretest end to end below the browser: made from the draft, sent through the message path, answered once by token."""

from __future__ import annotations

import pytest
from django.core import mail

from automation.messages.models import Message
from automation.panel.invitations import pretest_send
from automation.panel.models import Invitation, Pretest, PretestResponse
from automation.panel.pretests import pretest_create
from cms.readability.cloze import cloze_build
from tests.automation.api.subscription_helpers import PROBLEM, field_errors, post_json
from tests.automation.panel.conftest import DRAFT_BODY, DRAFT_INTRO, FRONTEND, invitation_tokens, make_member

pytestmark = pytest.mark.django_db


def form_url(token: str) -> str:
    return f"/api/automation/panel/pretests/{token}/"


@pytest.fixture
def sent(wijken, draft_page, django_capture_on_commit_callbacks):
    """Three active members in Ledeberg (one French), a pretest of the draft sent to the Dutch ones."""
    for n in range(1, 3):
        make_member(n=n, wijk=wijken["ledeberg"])
    make_member(n=3, wijk=wijken["ledeberg"], language="fr")
    make_member(n=4, wijk=wijken["rabot-blaisantvest"])
    make_member(n=5, wijk=wijken["ledeberg"], active=False)
    pretest = pretest_create(name="Grofvuil", page=draft_page, sample_size=10, wijken=[wijken["ledeberg"]])
    with django_capture_on_commit_callbacks(execute=True):
        invited = pretest_send(pretest_id=pretest.pk)
    pretest.refresh_from_db()
    return pretest, invited


def full_answer(pretest: Pretest, *, right: int | None = None) -> dict:
    answers = pretest.cloze["answers"]
    right = len(answers) if right is None else right
    return {"answers": {"duidelijk": 4, "actie": "Een afspraak maken", "opmerking": ""},
            "cloze": [word if position < right else "fout" for position, word in enumerate(answers)]}  # fmt: skip


def test_the_pretest_holds_the_latest_draft_not_the_published_page(draft_page):
    pretest = pretest_create(name="Grofvuil", page=draft_page)
    assert pretest.title == "Grofvuil aan huis"
    assert pretest.text == f"{DRAFT_INTRO}\n{DRAFT_BODY}"
    assert "Oude tekst" not in pretest.text
    assert pretest.cloze["answers"] == cloze_build(pretest.text).answers and pretest.cloze["answers"]
    assert [q["text"] for q in pretest.questions] == ["Is deze tekst duidelijk?", "Wat zou u nu doen?", "Opmerking"]


def test_sending_invites_only_active_members_of_the_language_and_wijk_through_the_message_path(sent):
    pretest, invited = sent
    assert invited == 2 and pretest.status == Pretest.Status.SENT
    invitations = Invitation.objects.filter(pretest=pretest)
    assert {i.member.citizen.email for i in invitations} == {"lid1@example.org", "lid2@example.org"}
    messages = Message.objects.filter(pk__in=[i.message_id for i in invitations])
    assert {m.status for m in messages} == {Message.Status.SENT}  # through the send task (eager here)
    assert sorted(m.to[0] for m in mail.outbox) == ["lid1@example.org", "lid2@example.org"]
    message = mail.outbox[0]
    assert "omdat u zich aanmeldde voor het testpanel" in message.body  # why they get it
    assert "Uit het testpanel stappen" in message.body  # and how to stop, in one click
    assert "/api/automation/panel/leave/" in message.extra_headers["List-Unsubscribe"]
    assert f"{FRONTEND}/nl/testpanel/tekst/" in message.body
    assert not invitations.filter(token_sha256__in=invitation_tokens()).exists()  # only the hash is stored
    assert pretest_send(pretest_id=pretest.pk) == 0  # sending twice invites no one twice


def test_the_token_opens_the_draft_with_questions_and_gaps_but_no_answers(sent, client):
    pretest, _ = sent
    token = invitation_tokens()[0]
    response = client.get(form_url(token))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    form = response.json()
    assert form["title"] == "Grofvuil aan huis" and form["answered"] is False
    assert form["cloze"]["gaps"] == len(pretest.cloze["answers"])
    assert "answers" not in form["cloze"]
    shown = " ".join(piece.get("text", "") for paragraph in form["cloze"]["paragraphs"] for piece in paragraph)
    assert DRAFT_INTRO.split(".")[0] in shown
    assert [q["kind"] for q in form["questions"]] == ["scale", "text", "text"]


def test_an_unknown_token_opens_nothing(sent, client):
    response = client.get(form_url("niet-een-echte-token-123"))
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM


def test_one_answer_per_token_a_second_post_is_already_answered(sent, client):
    pretest, _ = sent
    token = invitation_tokens()[0]
    first = post_json(client, form_url(token), full_answer(pretest, right=2))
    assert first.status_code == 201 and first.json() == {"status": "answered"}
    second = post_json(client, form_url(token), full_answer(pretest))
    assert second.status_code == 409 and second["Content-Type"] == PROBLEM
    assert second.json()["type"].endswith("/already-answered")
    [response] = PretestResponse.objects.all()
    assert response.cloze_correct == 2 and response.cloze_total == len(pretest.cloze["answers"])
    assert client.get(form_url(token)).json()["answered"] is True


def test_a_bad_answer_names_each_field_and_stores_nothing(sent, client):
    pretest, _ = sent
    token = invitation_tokens()[0]
    body = {"answers": {"duidelijk": 9, "actie": 3}, "cloze": ["x" * 101]}
    errors = field_errors(post_json(client, form_url(token), body))
    assert {"answers.duidelijk", "answers.actie", "cloze"} <= set(errors)
    missing = field_errors(post_json(client, form_url(token), {"answers": {}, "cloze": []}))
    assert set(missing) == {"answers.duidelijk"}
    assert set(field_errors(post_json(client, form_url(token), {"answers": {"duidelijk": 3}}))) == {"cloze"}
    assert not PretestResponse.objects.exists()
    assert Invitation.objects.filter(status=Invitation.Status.ANSWERED).count() == 0


def test_answers_are_stored_without_anything_that_names_the_citizen(sent, client):
    pretest, _ = sent
    token = invitation_tokens()[0]
    body = full_answer(pretest)
    body["answers"]["opmerking"] = "Mail mij op lid1@example.org of bel 0470 12 34 56, groeten An."
    post_json(client, form_url(token), body)
    [response] = PretestResponse.objects.all()
    stored = str(response.answers)
    assert "lid1@example.org" not in stored and "0470" not in stored
    assert response.answers["opmerking"].startswith("Mail mij op [weggelaten] of bel [weggelaten]")
    field_names = {field.name for field in PretestResponse._meta.get_fields()}
    assert not field_names & {"invitation", "member", "citizen"}


def test_a_draft_page_is_visible_only_through_a_token(draft_page, client):
    """The draft's words are not served by the content API: the published version is."""
    response = client.get(f"/api/v2/pages/{draft_page.pk}/", HTTP_HOST="localhost")
    assert response.status_code == 200 and "Oude tekst over grofvuil." in response.content.decode()
    assert DRAFT_INTRO not in response.content.decode()
