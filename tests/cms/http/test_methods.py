"""Every API address answers a method it does not take with 405 problem+json and a correct Allow,
and OPTIONS with an Allow that agrees with the OpenAPI document.

Driven by the document itself: for each documented path (filled with real values) every
undocumented method is a 405 whose Allow lists exactly the documented methods (plus HEAD
beside GET, and OPTIONS), never Django's CSRF page; OPTIONS answers 204 with the same Allow.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cms.http.openapi.document import openapi_document

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"
WRITE_METHODS = ("get", "post", "put", "patch", "delete")
EXAMPLES = {"path": "nl/themas", "id": "1", "type": "themes.ThemePage", "fmt": "rss", "slug": "ledeberg", "token": "x", "secret": "x"}


def documented_operations() -> list[tuple[str, frozenset[str]]]:
    paths = openapi_document()["paths"]
    return [(path, frozenset(k for k in item if k in WRITE_METHODS)) for path, item in sorted(paths.items())]


def expected_allow(documented: frozenset[str]) -> str:
    methods = {m.upper() for m in documented} | ({"HEAD"} if "get" in documented else set()) | {"OPTIONS"}
    order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    return ", ".join(sorted(methods, key=order.index))


def url_for(template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: EXAMPLES[m.group(1)], template)


@pytest.fixture
def csrf_client():
    """A browser-like client: Django's CSRF check is on, as for a real cross-site request."""
    return Client(enforce_csrf_checks=True)


OPERATIONS = documented_operations()


@pytest.mark.parametrize(("template", "documented"), OPERATIONS, ids=[path for path, _ in OPERATIONS])
def test_undocumented_methods_are_405_problems_with_the_documented_allow(csrf_client, template, documented, tree):
    url = url_for(template)
    for method in sorted(set(WRITE_METHODS) - documented):
        response = csrf_client.generic(method.upper(), url)
        assert response.status_code == 405, (method, url, response.content[:200])
        assert response["Content-Type"] == PROBLEM
        assert response.json()["status"] == 405
        assert response["Allow"] == expected_allow(documented), (method, url)


@pytest.mark.parametrize(("template", "documented"), OPERATIONS, ids=[path for path, _ in OPERATIONS])
def test_options_answers_the_documented_allow(csrf_client, template, documented, tree):
    response = csrf_client.options(url_for(template))
    assert response.status_code == 204
    assert response["Allow"] == expected_allow(documented)
    assert response.content == b""


@pytest.mark.parametrize(
    ("url", "allow"),
    [
        ("/api/schema/", "GET, HEAD, OPTIONS"),
        ("/api/docs/", "GET, HEAD, OPTIONS"),
        ("/api/automation/openapi.json", "GET, HEAD, OPTIONS"),
        ("/api/automation/preferences/x/", "GET, HEAD, POST, OPTIONS"),
        ("/api/automation/subscriptions/options/", "GET, HEAD, OPTIONS"),
        ("/api/automation/sms/twilio/status/", "POST, OPTIONS"),
        ("/api/automation/voice/twilio/status/", "POST, OPTIONS"),
        ("/api/automation/sms/sinch/secret/", "POST, OPTIONS"),
    ],
)
def test_addresses_outside_the_document_say_what_they_take_too(csrf_client, url, allow):
    refused = csrf_client.delete(url)
    assert refused.status_code == 405 and refused["Content-Type"] == PROBLEM
    assert refused["Allow"] == allow
    assert csrf_client.options(url)["Allow"] == allow


def test_unknown_api_addresses_stay_404_problems_for_every_method(csrf_client):
    for method in ("GET", "DELETE", "PUT", "OPTIONS"):
        response = csrf_client.generic(method, "/api/automation/nothing-here/")
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM, method


@pytest.mark.parametrize(("template", "documented"), [op for op in OPERATIONS if "get" in op[1]],
                         ids=[path for path, documented in OPERATIONS if "get" in documented])  # fmt: skip
def test_head_is_taken_wherever_get_is(csrf_client, template, documented, tree):
    """Allow says HEAD beside GET, so HEAD must never be the 405: it answers as GET would."""
    head = csrf_client.head(url_for(template))
    assert head.status_code != 405
    assert head.status_code == csrf_client.get(url_for(template)).status_code


def test_a_documented_method_still_reaches_its_view(csrf_client, tree):
    assert csrf_client.get("/api/v2/pages/").status_code == 200
    assert csrf_client.head("/api/content/nl/themas").status_code == 200
