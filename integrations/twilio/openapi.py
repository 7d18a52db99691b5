"""Twilio's callbacks' part (texts and voice calls) of the platform's OpenAPI document, registered by `TwilioConfig.ready`.

Twilio is the only client these paths serve, but anyone can reach them, so the document
says what they answer, and the API fuzzer checks it (issue 12): a request without a valid
`X-Twilio-Signature` is a 401 problem whatever it carries.
"""

from __future__ import annotations

from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import problem

SIGNATURE = {
    "name": "X-Twilio-Signature",
    "in": "header",
    "required": True,
    "description": "Base64 HMAC-SHA1 of the called URL and the sorted form fields, keyed with TWILIO_AUTH_TOKEN.",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9+/]{27}=$"},
}
UNSIGNED = problem("The signature is missing or wrong (whatever characters it holds); nothing was recorded.")


def _form(properties: dict) -> dict:
    return {"required": True, "content": {"application/x-www-form-urlencoded": {
        "schema": {"type": "object", "properties": properties, "additionalProperties": {"type": "string"}}}}}  # fmt: skip


def twilio_paths() -> dict:
    text = {"type": "string"}
    return {
        "/api/automation/sms/twilio/status/": {
            "post": {
                "operationId": "twilioMessageStatus",
                "summary": "Twilio's delivery receipt for a text we sent",
                "parameters": [SIGNATURE],
                "requestBody": _form({"MessageSid": text, "MessageStatus": text, "ErrorCode": text}),
                "responses": {"204": {"description": "Recorded (an unknown message is ignored)."}, "401": UNSIGNED},
            }
        },
        "/api/automation/voice/twilio/status/": {
            "post": {
                "operationId": "twilioCallStatus",
                "summary": "Twilio's outcome of a voice call we placed (completed, busy, no-answer, failed, canceled)",
                "parameters": [
                    {"name": "ref", "in": "query", "required": False, "schema": {"type": "string"},
                     "description": "Our message's reference, in the callback URL we gave Twilio (signed with it)."},
                    SIGNATURE,
                ],  # fmt: skip
                "requestBody": _form({"CallSid": text, "CallStatus": text, "CallDuration": text, "ErrorCode": text}),
                "responses": {"204": {"description": "Recorded once (an unknown call is ignored)."}, "401": UNSIGNED},
            }
        },
        "/api/automation/sms/twilio/inbound/": {
            "post": {
                "operationId": "twilioInboundMessage",
                "summary": "A text a citizen sent us (STOP, START, ...), forwarded by Twilio",
                "parameters": [SIGNATURE],
                "requestBody": _form({"From": text, "Body": text}),
                "responses": {
                    "200": {"description": "Empty TwiML: no automatic reply.",
                            "content": {"text/xml": {"schema": {"type": "string"}}}},  # fmt: skip
                    "401": UNSIGNED,
                },
            }
        },
    }


def openapi_parts_register() -> None:
    openapi_part_register(name="integrations.twilio", order=70, paths=twilio_paths)
