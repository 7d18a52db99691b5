"""The OpenAPI documents are assembled from what the apps registered, and are valid OpenAPI 3.1."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from openapi_spec_validator import validate

from cms.http.openapi import registry
from cms.http.openapi.document import openapi_document
from cms.http.openapi.registry import openapi_part_register, registered_parts
from cms.http.openapi.shared import PROBLEM, problem


def built(part, field: str) -> dict:
    build = getattr(part, field)
    return build() if build else {}


@pytest.mark.django_db
def test_the_served_document_has_every_registered_part_and_validates(client):
    document = client.get("/api/schema/").json()
    validate(document)
    parts = registered_parts()
    assert {"content-api.pages", "content-api.channels", "content-api.search", "automation.events",
            "automation.subscriptions", "automation.crisis"} <= {part.name for part in parts}  # fmt: skip
    for part in parts:
        assert set(built(part, "paths")) <= set(document["paths"]), part.name
        assert set(built(part, "schemas")) <= set(document["components"]["schemas"]), part.name
        assert set(built(part, "webhooks")) <= set(document.get("webhooks", {})), part.name
    assert document["components"]["schemas"]["Problem"] == PROBLEM


@pytest.mark.django_db
def test_the_automation_document_is_exactly_the_automation_group(client):
    document = client.get("/api/automation/openapi.json").json()
    validate(document)
    group = registered_parts(group="automation")
    assert {part.name for part in group} == {"automation.events", "automation.subscriptions", "automation.crisis", "automation.panel"}
    assert set(document["paths"]) == {path for part in group for path in built(part, "paths")}
    assert set(document["components"]["schemas"]) == {"Problem"} | {name for part in group for name in built(part, "schemas")}
    assert "webhooks" not in document and "securitySchemes" not in document["components"]


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(registry, "_parts", {})


def test_a_registered_part_is_in_the_document_and_its_groups(empty_registry):
    hello = {"/api/hello/": {"get": {"summary": "Hello", "responses": {"404": problem("Nobody here.")}}}}
    openapi_part_register(name="hello", order=2, groups=("greetings",), paths=lambda: hello)
    openapi_part_register(name="first", order=1, paths=lambda: {"/api/first/": {}}, schemas=lambda: {"First": {}})
    platform = openapi_document()
    validate(platform)
    assert list(platform["paths"]) == ["/api/first/", "/api/hello/"]  # by order
    assert list(platform["components"]["schemas"]) == ["Problem", "First"]
    info = {"title": "Greetings", "version": "1"}
    greetings = openapi_document(info=info, group="greetings")
    assert greetings == {"openapi": "3.1.0", "info": info, "paths": hello, "components": {"schemas": {"Problem": PROBLEM}}}


def test_parts_are_built_when_the_document_is_not_when_they_register(empty_registry):
    calls = []
    openapi_part_register(name="lazy", paths=lambda: calls.append("built") or {})
    assert calls == []
    openapi_document()
    openapi_document()
    assert calls == ["built", "built"]


def test_two_parts_describing_the_same_path_is_refused(empty_registry):
    openapi_part_register(name="one", paths=lambda: {"/api/same/": {}})
    openapi_part_register(name="two", paths=lambda: {"/api/same/": {}})
    with pytest.raises(ImproperlyConfigured, match="'two' describes /api/same/ again"):
        openapi_document()
