"""The panel's part of the OpenAPI document: valid, and real answers and refusals match what it says."""

from __future__ import annotations

import jsonschema
import pytest
from openapi_spec_validator import validate

from automation.api.openapi import openapi_document
from automation.panel.invitations import pretest_send
from automation.panel.pretests import pretest_create
from tests.automation.api.subscription_helpers import post_json
from tests.automation.panel.conftest import invitation_tokens, make_member

PANEL = "/api/automation/panel"


def _schema(path: str, method: str, status: int) -> dict:
    document = openapi_document()
    content = document["paths"][path][method]["responses"][str(status)]["content"]
    [(_media, entry)] = content.items()
    return {**entry["schema"], "components": document["components"]}


def test_the_document_with_the_panel_is_valid_openapi():
    document = openapi_document()
    validate(document)
    assert {f"{PANEL}/join/", f"{PANEL}/pretests/{{token}}/", f"{PANEL}/leave/{{token}}/"} <= set(document["paths"])


@pytest.mark.django_db
def test_real_answers_match_the_document(client, wijken, draft_page, django_capture_on_commit_callbacks):
    make_member(n=1, wijk=wijken["ledeberg"])
    pretest = pretest_create(name="Grofvuil", page=draft_page)
    with django_capture_on_commit_callbacks(execute=True):
        pretest_send(pretest_id=pretest.pk)
    [token] = invitation_tokens()
    path = f"{PANEL}/pretests/{{token}}/"
    jsonschema.validate(client.get(f"{PANEL}/consent/").json(), _schema(f"{PANEL}/consent/", "get", 200))
    jsonschema.validate(client.get(f"{PANEL}/pretests/{token}/").json(), _schema(path, "get", 200))
    body = {"answers": {"duidelijk": 3}, "cloze": []}
    request_schema = {**openapi_document()["components"]["schemas"]["PretestAnswer"], "components": openapi_document()["components"]}
    jsonschema.validate(body, request_schema)
    jsonschema.validate(post_json(client, f"{PANEL}/pretests/{token}/", body).json(), _schema(path, "post", 201))
    jsonschema.validate(post_json(client, f"{PANEL}/pretests/{token}/", body).json(), _schema(path, "post", 409))
    with pytest.raises(jsonschema.ValidationError):  # what the server refuses, the document refuses too
        jsonschema.validate({"answers": {"duidelijk": 6}, "cloze": []}, request_schema)
