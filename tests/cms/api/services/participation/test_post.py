"""POST /api/projects/{id}/reactions/ and the project's `participation` in the content API."""

import datetime
import json

import jsonschema
import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.projects.reactions import Reaction
from cms.projects.submission import MAX_TEXT
from tests.cms.projects.participation_fixtures import open_for_input

PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def fresh_windows():
    cache.clear()  # rate windows live in the cache
    yield
    cache.clear()


def react(client, project, body, **extra):
    return client.post(
        f"/api/projects/{project.pk}/reactions/", data=json.dumps(body), content_type="application/json", **extra
    )


def test_a_reaction_is_received_and_nothing_personal_is_answered(client, tree):
    phase = open_for_input(tree.project, question="Wat kiest u?", options="Meer groen\nMeer parking")
    response = react(client, tree.project, {"text": "Meer bomen.", "answer": "Meer groen", "wijk": "ledeberg",
                                            "email": "an@example.be", "name": "An"})  # fmt: skip
    assert response.status_code == 201
    assert response.json() == {"status": "received"}
    assert response["Cache-Control"] == "private, no-store"
    reaction = Reaction.objects.get()
    assert (reaction.phase_id, reaction.answer, reaction.wijk.slug) == (phase.pk, "Meer groen", "ledeberg")
    assert (reaction.name, reaction.email) == ("", "")  # no consent: not stored


def test_bad_fields_are_named_and_nothing_is_stored(client, tree):
    open_for_input(tree.project)
    response = react(client, tree.project, {"text": "x" * (MAX_TEXT + 1), "wijk": "atlantis", "contact_consent": "yes"})
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert set(response.json()["errors"]) == {"text", "wijk", "contact_consent"}
    assert not Reaction.objects.exists()


def test_consent_without_contact_details_is_refused_on_the_email_field(client, tree):
    open_for_input(tree.project)
    response = react(client, tree.project, {"text": "Bel mij", "contact_consent": True})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["email"]


def test_a_closed_project_answers_409(client, tree):
    open_for_input(tree.project, until=timezone.localdate() - datetime.timedelta(days=1))
    response = react(client, tree.project, {"text": "Te laat"})
    assert response.status_code == 409 and response.json()["type"].endswith("input-closed")
    assert not Reaction.objects.exists()


def test_an_unknown_or_unpublished_project_is_404(client, tree):
    open_for_input(tree.project)
    assert react(client, tree.project, {"text": "x"}, HTTP_HOST="localhost").status_code == 201
    tree.project.unpublish()
    assert react(client, tree.project, {"text": "x"}).status_code == 404
    assert client.post("/api/projects/999999/reactions/", data="{}", content_type="application/json").status_code == 404


def test_the_honeypot_answers_like_a_success_and_stores_nothing(client, tree):
    open_for_input(tree.project)
    response = react(client, tree.project, {"text": "cheap pills", "website": "http://spam.example"})
    assert response.status_code == 201
    assert not Reaction.objects.exists()


def test_too_many_reactions_from_one_client_get_429_with_retry_after(client, tree, settings):
    settings.PROJECTS_REACTION_RATE = "2/hour"
    open_for_input(tree.project)
    assert [react(client, tree.project, {"text": f"r{i}"}).status_code for i in range(2)] == [201, 201]
    response = react(client, tree.project, {"text": "r3"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert Reaction.objects.count() == 2


def test_a_body_that_is_not_json_is_a_problem(client, tree):
    open_for_input(tree.project)
    response = client.post(f"/api/projects/{tree.project.pk}/reactions/", data="text=hallo", content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM


def test_the_content_api_says_until_when_input_is_possible(client, tree):
    open_for_input(tree.project, until=datetime.date(2099, 3, 15), question="Wat kiest u?", options="A\nB", event=tree.event)
    fields = client.get("/api/content/nl/projecten/heraanleg-dampoort").json()["fields"]
    participation = fields["participation"]
    assert participation["open"] is True and participation["until"] == "2099-03-15"
    assert participation["question"] == "Wat kiest u?" and participation["choices"] == ["A", "B"]
    assert [event["title"] for event in participation["events"]] == ["Buurtfeest Ledeberg"]
    assert participation["outcomes"] == [{"phase": "Ontwerp", "text": "U vroeg meer groen: er komen 40 bomen bij."}]
    assert "reactions" not in json.dumps(fields)


def test_a_hidden_event_is_not_linked_publicly(client, tree):
    open_for_input(tree.project, event=tree.event)
    tree.event.unpublish()
    participation = client.get("/api/content/nl/projecten/heraanleg-dampoort").json()["fields"]["participation"]
    assert participation["events"] == []


def test_the_openapi_document_describes_the_endpoint_and_its_answers(client, tree):
    document = client.get("/api/schema/").json()
    operation = document["paths"]["/api/projects/{id}/reactions/"]["post"]
    assert {"201", "400", "404", "409", "413", "429"} <= set(operation["responses"])
    open_for_input(tree.project)
    answer = react(client, tree.project, {"text": "Hallo"}).json()
    schema = {**document["components"]["schemas"]["ReactionReceived"], "components": document["components"]}
    jsonschema.validate(answer, schema)
