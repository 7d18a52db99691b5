"""Reading a JSON object from a request body, or the 400 that says why not."""

from __future__ import annotations

import json

from automation.api.problem import invalid_fields_response


class NotAnObject(Exception):
    def __init__(self, response):
        self.response = response


def json_object(request) -> dict:
    """The body as a dict; raises NotAnObject carrying the 400 answer otherwise."""
    try:
        document = json.loads(request.body or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotAnObject(invalid_fields_response(errors={"body": [f"The body is not valid JSON: {error}."]})) from None
    if not isinstance(document, dict):
        raise NotAnObject(invalid_fields_response(errors={"body": ["The body must be a JSON object."]}))
    return document
