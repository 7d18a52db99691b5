"""Problems about the fields of a request body, each named by its dotted path.

    {"type": "https://vrijhaven.dev/problems/invalid-event", "title": "...", "status": 400,
     "detail": "...", "invalid_params": [{"name": "citizen.phone", "reason": "..."}]}

A body is validated by a DRF serializer, whose errors come nested (`{"citizen": {"consent":
{"sms": [...]}}}`). Turned into the platform's one problem shape here, `name` is the dotted
path of the field ("citizen.consent.sms"; "" for an error on the object as a whole; "body"
when the body itself cannot be read), so a developer sees every mistake in one answer.
The subscription contract also carries the same facts as `errors` per field, the shape a
form shows next to its inputs.
"""

from __future__ import annotations

from cms.http.problems import InvalidParam, Problem

INVALID_FIELDS_DETAIL = "Nothing was changed. Correct the fields listed in `errors` and send again."


def flatten_errors(detail, prefix: str = "") -> list[InvalidParam]:
    """Turn a DRF-style nested error dict/list into dotted-path invalid params."""
    if isinstance(detail, dict):
        params: list[InvalidParam] = []
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            path = ".".join(part for part in (prefix, name) if part)
            params.extend(flatten_errors(value, path))
        return params
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [InvalidParam(prefix, str(item)) for item in detail]
        params = []
        for index, item in enumerate(detail):
            params.extend(flatten_errors(item, f"{prefix}[{index}]" if prefix else f"[{index}]"))
        return params
    return [InvalidParam(prefix, str(detail))]


def field_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF errors as the subscription contract's `{"field": ["message", ...]}`.

    Nested objects give dotted names (`channels.sms`); an error on one item of a list
    is reported on the list (`wijken`), which is the field a form shows.
    """
    errors: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int):
                name = prefix
            else:
                name = ".".join(part for part in (prefix, "" if key == "non_field_errors" else str(key)) if part)
            for field, messages in field_errors(value, name).items():
                errors.setdefault(field, []).extend(messages)
    elif isinstance(detail, list):
        for item in detail:
            for field, messages in field_errors(item, prefix).items():
                errors.setdefault(field, []).extend(messages)
    else:
        errors.setdefault(prefix or "body", []).append(str(detail))
    return errors


def invalid_fields(*, errors: dict[str, list[str]], title: str = "Some fields are not valid") -> Problem:
    """400 with `errors` per field (and the platform's `invalid_params`, the same facts)."""
    params = [InvalidParam(name, message) for name, messages in errors.items() for message in messages]
    return Problem(
        status=400,
        slug="invalid-fields",
        title=title,
        detail=INVALID_FIELDS_DETAIL,
        invalid_params=params,
        extensions={"errors": errors},
    )
