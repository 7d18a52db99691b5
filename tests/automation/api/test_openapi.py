"""The OpenAPI document describes the event contract the endpoint enforces."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from openapi_spec_validator import validate

from automation.api.openapi import openapi_document
from tests.automation.example_event import EXAMPLE_EVENT


def event_schema() -> dict:
    """The event's schema, with the document's components beside it (its free-form parts refer to them)."""
    document = openapi_document()
    return {**document["components"]["schemas"]["DossierEvent"], "components": document["components"]}


def test_the_document_is_valid_openapi():
    validate(openapi_document())


def test_the_contracts_example_event_matches_the_schema():
    jsonschema.validate(EXAMPLE_EVENT, event_schema(), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    "path, value",
    [(("citizen", "consent", "sms"), "yes"), (("dossier", "id"), ""), (("event_id",), None)],
    ids=["non-boolean consent", "empty dossier id", "missing event id"],
)
def test_bodies_the_endpoint_refuses_are_refused_by_the_schema_too(path, value):
    body = copy.deepcopy(EXAMPLE_EVENT)
    target = body
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(body, event_schema())


def test_the_document_is_served_next_to_the_endpoint(client):
    response = client.get("/api/automation/openapi.json")
    assert response.status_code == 200
    assert "/api/automation/events/" in response.json()["paths"]


# --- the subscription endpoints: real answers match the document ----------------------


def answer_schema(path: str, method: str, status: int) -> dict:
    """The documented schema of one answer, resolvable against the whole document's components."""
    document = openapi_document()
    content = document["paths"][path][method]["responses"][str(status)]["content"]
    [(_media, entry)] = content.items()
    return {**entry["schema"], "components": {"schemas": {**document["components"]["schemas"]}}}


def request_schema(path: str, method: str) -> dict:
    document = openapi_document()
    schema = document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return {**schema, "components": document["components"]}


def assert_matches(response, path: str, method: str):
    jsonschema.validate(response.json(), answer_schema(path, method, response.status_code), format_checker=jsonschema.FormatChecker())


@pytest.mark.django_db
def test_real_subscription_answers_match_the_document(client, rabot, django_capture_on_commit_callbacks):
    import json
    import re
    from urllib.parse import parse_qs, urlsplit

    from django.core import mail

    subscribe = "/api/automation/subscriptions/"
    body = {"email": "jana@example.org", "language": "nl", "wijken": ["rabot-blaisantvest"], "crisis": True}
    jsonschema.validate(body, request_schema(subscribe, "post"))
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.post(subscribe, data=json.dumps(body), content_type="application/json")
    assert pending.status_code == 202
    assert_matches(pending, subscribe, "post")
    bad = client.post(subscribe, data=json.dumps({**body, "wijken": ["atlantis"]}), content_type="application/json")
    assert bad.status_code == 400
    assert_matches(bad, subscribe, "post")

    url = re.search(r"https?://\S+/inschrijven/bevestigen\?\S+", mail.outbox[0].body).group(0)
    confirm = "/api/automation/subscriptions/confirm/"
    token = parse_qs(urlsplit(url).query)["token"][0]
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(confirm, data=json.dumps({"token": token}), content_type="application/json")
    assert_matches(confirmed, confirm, "post")
    unknown = client.post(confirm, data=json.dumps({"token": "x:y:z"}), content_type="application/json")
    assert unknown.status_code == 404
    assert_matches(unknown, confirm, "post")

    options = client.get("/api/automation/subscriptions/options/", {"lang": "en"})
    assert_matches(options, "/api/automation/subscriptions/options/", "get")

    preferences_path = "/api/automation/subscriptions/preferences/{token}/"
    own = preferences_path.replace("{token}", confirmed.json()["preferences_token"])
    assert_matches(client.get(own), preferences_path, "get")
    change = {"press": True, "channels": {"email": True}}
    jsonschema.validate(change, request_schema(preferences_path, "put"))
    changed = client.put(own, data=json.dumps(change), content_type="application/json")
    assert changed.status_code == 200
    assert_matches(changed, preferences_path, "put")
    refused = client.put(own, data=json.dumps({"channels": {"sms": True}}), content_type="application/json")
    assert refused.status_code == 400
    assert_matches(refused, preferences_path, "put")

    unsubscribe_path = "/api/automation/subscriptions/unsubscribe/{token}/"
    done = client.post(unsubscribe_path.replace("{token}", confirmed.json()["preferences_token"]))
    assert_matches(done, unsubscribe_path, "post")


def test_bodies_the_subscribe_endpoint_refuses_are_refused_by_the_schema_too():
    schema = request_schema("/api/automation/subscriptions/", "post")
    for bad in ({"language": "nl"}, {"email": "a@example.org", "press": "yes"}, {"email": "a@example.org", "language": "de"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
