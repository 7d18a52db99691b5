"""The CAP feed and documents are in the OpenAPI documents, with the media types they answer in."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/api/schema/", "/api/automation/openapi.json"])
def test_the_cap_feed_and_documents_are_documented(client, address):
    paths = client.get(address, HTTP_HOST="localhost").json()["paths"]
    feed = paths["/api/automation/crisis/cap/feed.atom"]["get"]
    message = paths["/api/automation/crisis/cap/{id}.xml"]["get"]
    assert list(feed["responses"]["200"]["content"]) == ["application/atom+xml"]
    assert list(message["responses"]["200"]["content"]) == ["application/cap+xml"]
    assert {"ETag", "Last-Modified"} <= set(feed["responses"]["200"]["headers"])
    assert "304" in feed["responses"] and "304" in message["responses"]
    assert [p["name"] for p in feed["parameters"] if p["in"] == "query"] == ["lang"]


def test_what_the_document_says_is_what_the_endpoints_answer(client):
    document = client.get("/api/automation/openapi.json").json()
    feed = document["paths"]["/api/automation/crisis/cap/feed.atom"]["get"]
    [lang] = [p for p in feed["parameters"] if p["name"] == "lang"]
    for value in lang["schema"]["enum"]:
        response = client.get("/api/automation/crisis/cap/feed.atom", {"lang": value})
        assert response.status_code == 200, value
        assert response["Content-Type"].split(";")[0] in feed["responses"]["200"]["content"]
