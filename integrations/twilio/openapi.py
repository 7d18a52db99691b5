"""Twilio's callbacks' part (texts and voice calls) of the platform's OpenAPI document, registered by `TwilioConfig.ready`.

Twilio is the only client these paths serve, but anyone can reach them, so the document
says what they answer, and the API fuzzer checks it (issue 12): a request without a valid
`X-Twilio-Signature` is a 401 problem whatever it carries; a signed one without the fields
Twilio always sends (each view's `REQUIRED`) is a 400 problem naming them.
"""

from __future__ import annotations

from cms.http.openapi.registry import openapi_part_register
from cms.http.openapi.shared import problem
from integrations.twilio.voice_webhooks import TwilioCallStatusView
from integrations.twilio.webhooks import TwilioInboundView, TwilioStatusView

SIGNATURE = {
    "name": "X-Twilio-Signature",
    "in": "header",
    "required": True,
    "description": "Base64 HMAC-SHA1 of the called URL and the sorted form fields, keyed with TWILIO_AUTH_TOKEN.",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9+/]{27}=$"},
}
UNSIGNED = problem("The signature is missing or wrong (whatever characters it holds); nothing was recorded.")
INCOMPLETE = problem("Signed, but a field Twilio always sends is missing; `invalid_params` names it. Nothing was recorded.")


def _form(names: tuple[str, ...], required: dict[str, int]) -> dict:
    """The form Twilio posts: `required` (name -> least length) as the view checks it, the rest optional text."""
    properties = {name: {"type": "string", **({"minLength": required[name]} if required.get(name) else {})} for name in names}
    schema = {"type": "object", "properties": properties, "required": list(required), "additionalProperties": {"type": "string"}}
    return {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": schema}}}


def twilio_paths() -> dict:
    return {
        "/api/automation/sms/twilio/status/": {
            "post": {
                "operationId": "twilioMessageStatus",
                "summary": "Twilio's delivery receipt for a text we sent",
                "parameters": [SIGNATURE],
                "requestBody": _form(("MessageSid", "MessageStatus", "ErrorCode"), TwilioStatusView.REQUIRED),
                "responses": {
                    "204": {"description": "Recorded (an unknown message is ignored)."},
                    "400": INCOMPLETE,
                    "401": UNSIGNED,
                },
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
                "requestBody": _form(("CallSid", "CallStatus", "CallDuration", "ErrorCode"), TwilioCallStatusView.REQUIRED),
                "responses": {
                    "204": {"description": "Recorded once (an unknown call is ignored)."},
                    "400": INCOMPLETE,
                    "401": UNSIGNED,
                },
            }
        },
        "/api/automation/sms/twilio/inbound/": {
            "post": {
                "operationId": "twilioInboundMessage",
                "summary": "A text a citizen sent us (STOP, START, ...), forwarded by Twilio",
                "parameters": [SIGNATURE],
                "requestBody": _form(("From", "Body"), TwilioInboundView.REQUIRED),
                "responses": {
                    "200": {"description": "Empty TwiML: no automatic reply.",
                            "content": {"text/xml": {"schema": {"type": "string"}}}},  # fmt: skip
                    "400": INCOMPLETE,
                    "401": UNSIGNED,
                },
            }
        },
    }


def openapi_parts_register() -> None:
    openapi_part_register(name="integrations.twilio", order=70, paths=twilio_paths)
