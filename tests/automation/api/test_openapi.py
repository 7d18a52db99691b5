"""The OpenAPI document describes the event contract the endpoint enforces."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from openapi_spec_validator import validate

from automation.api.openapi import openapi_document
from tests.automation.example_event import EXAMPLE_EVENT


def event_schema() -> dict:
    return openapi_document()["components"]["schemas"]["DossierEvent"]


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
