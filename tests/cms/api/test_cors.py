"""CORS: configured front-end origins may read the API from a browser; others may not."""

from django.test import override_settings


@override_settings(CORS_ALLOWED_ORIGINS=["https://www.gent.be"])
def test_configured_origin_is_allowed_others_are_not(client, tree):
    allowed = client.get("/api/content/nl", HTTP_ORIGIN="https://www.gent.be")
    assert allowed["Access-Control-Allow-Origin"] == "https://www.gent.be"
    refused = client.get("/api/content/nl", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in refused
    v2 = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.gent.be")
    assert v2["Access-Control-Allow-Origin"] == "https://www.gent.be"


@override_settings(CORS_ALLOWED_ORIGINS=["https://www.gent.be"])
def test_preflight_for_conditional_requests(client, db):
    response = client.options(
        "/api/content/nl",
        HTTP_ORIGIN="https://www.gent.be",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://www.gent.be"
    assert "if-none-match" in response["Access-Control-Allow-Headers"]
