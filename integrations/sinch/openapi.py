"""Sinch's callback's part of the platform's OpenAPI document, registered by `SinchConfig.ready`.

Sinch is the only client of this path, but anyone can reach it, so the document says what it
answers, and the API fuzzer checks it (issue 12): a wrong secret in the path is a 401 problem,
a body that is not a JSON object a 400, one past JSON_BODY_MAX_BYTES a 413.
"""

from __future__ import annotations

from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import problem

# Sinch's fields as it sends them; the view reads each as text (any JSON value is taken and
# written as text), and a missing or unreadable time is the time of arrival.
CALLBACK = {
    "type": "object",
    "description": "A delivery report (`type` `recipient_delivery_report_sms`: batch_id, recipient, status, code, "
    "client_reference, at) or an inbound text (`mo_text`: from, body, received_at); other types are acknowledged "
    "and ignored. Each field is read as text; a missing or unreadable `at` / `received_at` is the time of arrival.",
    "examples": [{"type": "mo_text", "from": "32470123456", "body": "STOP", "received_at": "2026-12-06T10:00:00Z"}],
}


def sinch_paths() -> dict:
    return {
        "/api/automation/sms/sinch/{secret}/": {
            "post": {
                "operationId": "sinchCallback",
                "summary": "Sinch's delivery reports and inbound texts (STOP, START, ...)",
                "parameters": [{"name": "secret", "in": "path", "required": True, "schema": {"type": "string"},
                                "description": "SINCH_CALLBACK_SECRET: the URL Sinch is given is the credential."}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": CALLBACK}}},
                "responses": {
                    "200": {"description": "Recorded."},
                    "400": problem("The body is not a JSON object (or nested too deep)."),
                    "401": problem("Unknown callback URL: the secret is wrong, or none is configured."),
                    "413": problem("The body is larger than JSON_BODY_MAX_BYTES; it was not read."),
                },
            }
        }
    }


def openapi_parts_register() -> None:
    openapi_part_register(name="integrations.sinch", order=70, paths=sinch_paths)
