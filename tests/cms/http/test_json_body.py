"""The one JSON body parser: an object within the limits, or a refusal naming `body` (413 or 400).

Through HTTP on every endpoint that uses it: tests/automation/api/test_json_bodies.py, the
template preview's tests and the Sinch callback's tests.
"""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory

from cms.http.json_body import BodyRefused, json_object, json_object_parse


def request_with(raw: bytes, **meta):
    request = RequestFactory().post("/api/anything/", data=raw, content_type="application/json")
    request.META.update(meta)
    return request


def refusal(raw: bytes, **limits) -> BodyRefused:
    with pytest.raises(BodyRefused) as refused:
        json_object(request_with(raw), **limits)
    return refused.value


def nested(depth: int) -> bytes:
    return b'{"a": ' * depth + b"1" + b"}" * depth


def test_a_valid_body_reads_as_json_loads_reads_it():
    body = {"email": "jana@example.org", "wijken": ["rabot"], "channels": {"sms": True}, "note": "é ☃"}
    raw = json.dumps(body, ensure_ascii=False).encode()
    assert json_object(request_with(raw)) == json.loads(raw) == body


def test_utf_16_with_a_byte_order_mark_is_read_as_json_loads_reads_it():
    raw = '{"token": "x"}'.encode("utf-16")
    assert json_object(request_with(raw)) == json.loads(raw)


def test_a_body_as_deep_as_the_limit_is_read_one_level_more_is_a_400(settings):
    settings.JSON_BODY_MAX_DEPTH = 8
    assert json_object(request_with(nested(8)))
    refused = refusal(nested(9))
    assert (refused.status, refused.reason) == (400, "The body is nested deeper than 8 levels.")


def test_a_thousand_levels_are_a_400_not_a_recursion_error():
    refused = refusal(b"[" * 100_000 + b"]" * 100_000, max_bytes=300_000)
    assert refused.status == 400 and "nested deeper than 32 levels" in refused.reason


def test_brackets_inside_strings_do_not_count_as_depth(settings):
    settings.JSON_BODY_MAX_DEPTH = 4
    body = {"text": "[[[[[[{{{{ \\\" ]]" * 10, "list": [[1]]}
    assert json_object(request_with(json.dumps(body).encode())) == body


def test_more_brackets_than_the_limit_side_by_side_are_read_as_deep_as_they_nest(settings):
    """The bracket count only lets a body skip the depth scan; past the limit, nesting decides."""
    settings.JSON_BODY_MAX_DEPTH = 4
    shallow = {"items": [{"n": n} for n in range(50)], "more": [[1], [2]]}
    assert json_object(request_with(json.dumps(shallow).encode())) == shallow
    deep_among_many = {"items": [{"n": n} for n in range(50)], "deep": [[[[1]]]]}  # 5 levels with the object
    assert refusal(json.dumps(deep_among_many).encode()).reason == "The body is nested deeper than 4 levels."


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"text"', b"42", b"null", b""], ids=["list", "string", "number", "null", "empty"])
def test_json_that_is_not_an_object_is_a_400(raw):
    refused = refusal(raw)
    assert (refused.status, refused.reason) == (400, "The body must be a JSON object.")


@pytest.mark.parametrize("raw", [b'{"a": ', b"{'a': 1}", b'{"a": 1} trailing', b'{"a": "\xff"}', b"\xc3\x28"],
                         ids=["cut off", "single quotes", "trailing text", "bad utf-8 in a string", "bad utf-8"])
def test_bytes_that_are_not_json_are_a_400(raw):
    refused = refusal(raw)
    assert refused.status == 400 and refused.reason.startswith("The body is not valid JSON: ")


def test_a_body_larger_than_the_limit_is_a_413_before_it_is_read(settings):
    settings.JSON_BODY_MAX_BYTES = 1024
    request = request_with(b"{}", CONTENT_LENGTH="1025")
    with pytest.raises(BodyRefused) as refused:
        json_object(request)
    assert (refused.value.status, refused.value.reason) == (413, "The body is larger than 1024 bytes.")
    assert not request._read_started  # not a byte was read
    assert refusal(b'{"a": "' + b"x" * 1020 + b'"}').status == 413
    assert json_object(request_with(b'{"a": "' + b"x" * 1000 + b'"}'))


def test_beyond_djangos_own_limit_it_is_still_our_413(settings):
    settings.JSON_BODY_MAX_BYTES = 10 * 1024 * 1024
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    assert refusal(b'{"a": "' + b"x" * 2048 + b'"}').status == 413


def test_a_content_length_that_is_no_number_is_a_400():
    request = request_with(b"{}", CONTENT_LENGTH="12abc")
    with pytest.raises(BodyRefused) as refused:
        json_object(request)
    assert refused.value.status == 400


def test_the_refusals_answer_as_problems_naming_the_body():
    too_large = BodyRefused(status=413, reason="The body is larger than 1024 bytes.").problem().as_dict()
    assert too_large["status"] == 413 and too_large["type"].endswith("/body-too-large")
    assert too_large["invalid_params"] == [{"name": "body", "reason": "The body is larger than 1024 bytes."}]
    invalid = BodyRefused(status=400, reason="The body must be a JSON object.").problem().as_dict()
    assert invalid["status"] == 400 and invalid["type"].endswith("/invalid-fields")
    assert invalid["invalid_params"] == [{"name": "body", "reason": "The body must be a JSON object."}]
    assert invalid["errors"] == {"body": ["The body must be a JSON object."]}


def test_text_from_elsewhere_is_parsed_with_the_same_rules_under_its_own_name():
    assert json_object_parse('{"address": "Rabotstraat 9"}') == {"address": "Rabotstraat 9"}
    with pytest.raises(BodyRefused) as refused:
        json_object_parse("[1]", subject="The sample data")
    assert refused.value.reason == "The sample data must be a JSON object."
