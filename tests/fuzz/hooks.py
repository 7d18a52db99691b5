"""Schemathesis hooks for the API fuzzer (loaded by `st run` through SCHEMATHESIS_HOOKS).

The fuzzer only learns what the document says; two things it cannot know are given here,
read from the JSON file FUZZ_EXAMPLES names (written by tests/integration/test_fuzz_api.py
from the seeded database):

- **Signed requests.** `/api/automation/events/` refuses any body without a valid
  `X-Signature` (401) before it validates anything. A request whose generated header has the
  documented shape (`sha256=` and 64 hex digits: a positive case) is signed over the exact
  bytes sent, as a case system does (automation/dossiers/signature.py), so the body reaches
  validation. Twilio's callbacks are signed the same way, with Twilio's scheme (base64
  HMAC-SHA1 of the URL and the sorted form fields). A header generated to break the document (missing, wrong shape) is sent as
  generated: the 401 it gets is what that negative case must see.
- **Real values for paths and tokens.** A random `{token}`, `{id}` or `{path}` is a 404 and
  proves nothing about the code behind it. For these parameters Hypothesis draws either its
  own value or a real one (a seeded page path, a page, image and document id, a preference
  and unsubscribe token made with the project's signer, a preview token, a search click
  token, a double opt-in confirmation token in the confirm body), so both the refusal and the real answer are fuzzed, with the rest of the request
  (query, body) generated as usual.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import parse_qsl

import schemathesis
from hypothesis import strategies as st

from automation.dossiers.signature import body_signature
from integrations.twilio.signature import twilio_signature

EXAMPLES = json.loads(Path(os.environ["FUZZ_EXAMPLES"]).read_text())
EVENTS = ("POST", "/api/automation/events/")
TWILIO = {("POST", "/api/automation/sms/twilio/status/"), ("POST", "/api/automation/sms/twilio/inbound/")}
EVENT_SIGNATURE = ("X-Signature", re.compile(r"sha256=[0-9a-f]{64}"))
TWILIO_SIGNATURE = ("X-Twilio-Signature", re.compile(r"[A-Za-z0-9+/]{27}="))


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


def _key(context) -> str:
    operation = context.operation
    return f"{operation.method.upper()} {operation.path}"


def _mixed(generated: dict, real: list[dict]) -> st.SearchStrategy:
    """The generated values, or the generated ones with a real example laid over them."""
    return st.one_of(st.just(generated), st.sampled_from([{**generated, **example} for example in real]))


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    real = EXAMPLES["path_parameters"].get(_key(context))
    return _mixed(path_parameters, real) if real else st.just(path_parameters)


@schemathesis.hook
def flatmap_query(context, query):
    real = EXAMPLES["query"].get(_key(context))
    return _mixed(query or {}, real) if real else st.just(query)


@schemathesis.hook
def flatmap_body(context, body):
    real = EXAMPLES["body"].get(_key(context))
    return _mixed(body, real) if real and isinstance(body, dict) else st.just(body)


@schemathesis.hook
def before_call(context, case, kwargs):
    operation = (case.operation.method.upper(), case.operation.path)
    if operation == EVENTS:
        kwargs["auth"] = Signer(EVENT_SIGNATURE, _event_signature)
    elif operation in TWILIO:
        kwargs["auth"] = Signer(TWILIO_SIGNATURE, _twilio_signature)
