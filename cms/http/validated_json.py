"""A JSON request body validated by a serializer: the two refusals every JSON endpoint gives.

A body that is no JSON object within the limits is refused by cms.http.json_body
(BodyRefused: 400 or 413); one whose fields do not validate is refused here with a 400
naming each field (FieldsRefused). Both carry `problem()`, so a view answers either the
same way and nothing is stored before the body passed both.
"""

from __future__ import annotations

from cms.http.field_problems import field_errors, invalid_fields
from cms.http.json_body import json_object
from cms.http.problems import Problem


class FieldsRefused(Exception):
    """The body's fields did not validate; `errors` maps each field's path to what is wrong."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("the fields are not valid")
        self.errors = errors

    def problem(self) -> Problem:
        return invalid_fields(errors=self.errors)


def validated_json(request, serializer_class, **serializer_kwargs):
    """The serializer over the request's JSON object, validated; raises BodyRefused or FieldsRefused."""
    serializer = serializer_class(data=json_object(request), **serializer_kwargs)
    if not serializer.is_valid():
        raise FieldsRefused(field_errors(serializer.errors))
    return serializer
