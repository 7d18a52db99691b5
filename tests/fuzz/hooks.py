"""Schemathesis hooks for the API fuzzer (loaded by `st run` through SCHEMATHESIS_HOOKS).

The fuzzer only learns what the document says; two things it cannot know are given here,
read from the JSON file FUZZ_EXAMPLES names (written by tests/integration/test_fuzz_api.py
from the seeded database):

- **Signed requests.** `/api/automation/events/` refuses any body without a valid
  `X-Signature` (401) before it validates anything. A request whose generated header has the
  documented shape (`sha256=` and 64 hex digits: a positive case) is signed over the exact
  bytes sent, as a case system does (automation/dossiers/signature.py), so the body reaches
  validation. Twilio's callbacks are signed the same way, with Twilio's scheme (base64
  HMAC-SHA1 of the URL and the sorted form fields). Half of the cases whose generated header
  breaks the document (missing, wrong shape) get a header of the documented shape first, so
  they are signed too; the other half are sent as generated, and the 401 they get is what
  those negative cases must see.
- **Real values for paths and tokens.** A random `{token}`, `{id}` or `{path}` is a 404 and
  proves nothing about the code behind it. Half of the cases (chosen from their generated
  values, so the run stays deterministic) get a real value instead: a seeded page path, a
  page, image and document id, a preference and unsubscribe token made with the project's
  signer, a preview token, a search click token, a page experiment's measured-link token (and
  the path of the page under experiment), a double opt-in confirmation token in the confirm
  body, the test panel's confirm, leave and invitation tokens, the Sinch callback's secret.
  Both the refusal and the real answer are fuzzed,
  with the rest of the request generated as usual.
- **An event's `occurred_at` inside its window.** The events endpoint takes a milestone from
  at most AUTOMATION_EVENT_MAX_AGE_DAYS back to a few minutes ahead: a window that moves with
  the clock, which JSON Schema cannot state (the document says it in words). A generated
  date-time outside it is moved to now, so a valid body is judged on everything else; the
  refusal of one outside it is tested in the unit tests (tests/automation/api).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl

import schemathesis

from automation.dossiers.signature import body_signature
from integrations.twilio.signature import twilio_signature

EXAMPLES = json.loads(Path(os.environ["FUZZ_EXAMPLES"]).read_text())
EVENTS = ("POST", "/api/automation/events/")
TWILIO = {
    ("POST", "/api/automation/sms/twilio/status/"),
    ("POST", "/api/automation/sms/twilio/inbound/"),
    ("POST", "/api/automation/voice/twilio/status/"),
}
EVENT_SIGNATURE = ("X-Signature", re.compile(r"sha256=[0-9a-f]{64}"))
TWILIO_SIGNATURE = ("X-Twilio-Signature", re.compile(r"[A-Za-z0-9+/]{27}="))
#: A header in the documented shape, laid over a generated one to be signed at sending time.
SHAPED = {EVENT_SIGNATURE[0]: "sha256=" + "0" * 64, TWILIO_SIGNATURE[0]: "A" * 27 + "="}


def _body(request) -> bytes:
    body = request.body or b""
    return body.encode() if isinstance(body, str) else body


class Signer:
    """A requests auth: runs on the prepared request, after the body is encoded, so it signs the bytes
    sent; only a header generated in its documented shape is replaced by the real signature."""

    def __init__(self, header: tuple, sign):
        self.name, self.shape = header
        self.sign = sign

    def __call__(self, request):
        if self.shape.fullmatch(request.headers.get(self.name, "")):
            request.headers[self.name] = self.sign(request)
        return request


def _event_signature(request) -> str:
    return body_signature(_body(request), EXAMPLES["event_secret"])


def _twilio_signature(request) -> str:
    fields = dict(parse_qsl(_body(request).decode("utf-8", "surrogateescape"), keep_blank_values=True))
    return twilio_signature(url=request.url, params=fields, token=EXAMPLES["twilio_token"])


def _key(operation) -> str:
    return f"{operation.method.upper()} {operation.path}"


def _pick(case, real: list[dict]) -> dict | None:
    """One real example for half of the cases, chosen from the generated values (deterministic, as the run is)."""
    generated = repr((case.path_parameters, case.query, case.body)).encode("utf-8", "surrogatepass")
    digest = int.from_bytes(hashlib.sha256(generated).digest()[:4], "big")
    return real[(digest // 2) % len(real)] if digest % 2 == 0 else None


def _lay_over(case) -> None:
    """Lay a real example over the generated path parameters, query or body of half of the cases.

    Done here, before the call, because schemathesis then checks the case again: a case made to
    break the document that the real value repairs counts as valid, and is judged as such."""
    key = _key(case.operation)
    for part, attribute in (("path_parameters", "path_parameters"), ("query", "query"), ("body", "body")):
        real = EXAMPLES[part].get(key)
        current = getattr(case, attribute)
        if not real or (current is not None and not isinstance(current, dict)):
            continue
        chosen = _pick(case, real)
        if chosen is not None:
            setattr(case, attribute, {**(current or {}), **chosen})


OCCURRED_AT_WINDOW = (timedelta(days=int(os.environ.get("AUTOMATION_EVENT_MAX_AGE_DAYS", 3650)) - 1), timedelta(minutes=4))


def _signed_half(case, header: tuple) -> None:
    """Half of the cases whose signature header is sent but not in the documented shape get one that is.

    Most cases the fuzzer makes for a signed operation break the header (an `X-Signature` of
    "0"): in a run of 285 events, 258 did, and all stopped at the 401, so validation and
    storage were hardly fuzzed. Like the real examples, the shaped header is laid on before
    the call, so schemathesis judges the case again (a case whose only flaw was the header
    is now a valid one); the Signer then puts the real signature in its place. The other half
    keep their broken header, and the 401 they get is what they must see.
    """
    name, shape = header
    headers = dict(case.headers or {})
    if name not in headers or shape.fullmatch(headers[name]) or _pick(case, [True]) is None:
        return  # a missing header stays missing: that case checks the header is required
    headers[name] = SHAPED[name]
    case.headers = headers


def _occurred_now(case) -> None:
    """An `occurred_at` outside the window becomes now; one that is no date-time at all stays (a negative case)."""
    if not isinstance(case.body, dict) or not isinstance(case.body.get("occurred_at"), str):
        return
    try:
        moment = datetime.fromisoformat(case.body["occurred_at"].replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        return
    if moment.tzinfo is None:
        return
    now = datetime.now(UTC)
    back, ahead = OCCURRED_AT_WINDOW
    if not now - back <= moment <= now + ahead:
        case.body = {**case.body, "occurred_at": now.isoformat(timespec="seconds")}


@schemathesis.hook
def before_call(context, case, kwargs):
    _lay_over(case)
    operation = (case.operation.method.upper(), case.operation.path)
    if operation == EVENTS:
        _occurred_now(case)
        _signed_half(case, EVENT_SIGNATURE)
        kwargs["auth"] = Signer(EVENT_SIGNATURE, _event_signature)
    elif operation in TWILIO:
        _signed_half(case, TWILIO_SIGNATURE)
        kwargs["auth"] = Signer(TWILIO_SIGNATURE, _twilio_signature)
