"""Schemathesis hooks for the API fuzzer (loaded by `st run` through SCHEMATHESIS_HOOKS).

The fuzzer only learns what the document says; two things it cannot know are given here,
read from the JSON file FUZZ_EXAMPLES names (written by tests/integration/test_fuzz_api.py
from the seeded database):

- **Signed events.** `/api/automation/events/` refuses any body without a valid
  `X-Signature` (401) before it validates anything. A request whose generated header has the
  documented shape (`sha256=` and 64 hex digits: a positive case) is signed over the exact
  bytes sent, as a case system does (automation/dossiers/signature.py), so the body reaches
  validation. A header generated to break the document (missing, wrong shape) is sent as
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

import schemathesis
from hypothesis import strategies as st

from automation.dossiers.signature import body_signature

EXAMPLES = json.loads(Path(os.environ["FUZZ_EXAMPLES"]).read_text())
SIGNED_OPERATION = ("POST", "/api/automation/events/")
SIGNATURE_HEADER = "X-Signature"
WELL_FORMED = re.compile(r"sha256=[0-9a-f]{64}")


class EventSigner:
    """A requests auth: runs on the prepared request, after the body is encoded, so it signs the bytes sent."""

    def __init__(self, secret: str):
        self.secret = secret

    def __call__(self, request):
        if WELL_FORMED.fullmatch(request.headers.get(SIGNATURE_HEADER, "")):
            body = request.body or b""
            if isinstance(body, str):
                body = body.encode()
            request.headers[SIGNATURE_HEADER] = body_signature(body, self.secret)
        return request


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
    if (case.operation.method.upper(), case.operation.path) == SIGNED_OPERATION:
        kwargs["auth"] = EventSigner(EXAMPLES["event_secret"])
