"""JSON Schema from the DRF serializers the endpoints validate with, so the document cannot drift.

One validation system, described, not two side by side: a field the serializer adds or
makes optional changes the OpenAPI document with it. Rules JSON Schema cannot say
(phone numbers, which slugs exist) are in the field descriptions.
"""

from __future__ import annotations

from rest_framework import serializers

from automation.dossiers.event_schema import OffsetDateTimeField, StrictBooleanField


def field_schema(field: serializers.Field) -> dict:
    if isinstance(field, serializers.Serializer):
        schema = serializer_schema(field)
    elif isinstance(field, (StrictBooleanField, serializers.BooleanField)):
        schema = {"type": "boolean"}
    elif isinstance(field, OffsetDateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, serializers.ChoiceField):
        schema = {"type": "string", "enum": list(field.choices)}
    elif isinstance(field, serializers.ListField):
        schema = {"type": "array", "items": field_schema(field.child)}
        if field.max_length is not None:
            schema["maxItems"] = field.max_length
    elif isinstance(field, serializers.DictField):
        schema = {"type": "object"}
    elif isinstance(field, serializers.CharField):
        schema = _string_schema(field)
    elif isinstance(field, serializers.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
    else:
        raise TypeError(f"no JSON Schema mapping for {type(field).__name__}")
    if field.help_text:
        schema["description"] = str(field.help_text)
    schema.update(getattr(field, "json_schema_extra", {}))
    return schema


def _string_schema(field: serializers.CharField) -> dict:
    schema: dict = {"type": "string"}
    if isinstance(field, serializers.EmailField):
        # "" passes when blanks are allowed, and is no e-mail address: the format holds for the rest.
        if field.allow_blank:
            schema["anyOf"] = [{"type": "string", "format": "email"}, {"type": "string", "maxLength": 0}]
        else:
            schema["format"] = "email"
    if isinstance(field, (serializers.RegexField, serializers.SlugField)):
        pattern = field.validators[-1].regex.pattern
        # DRF accepts "" before it checks the pattern when blanks are allowed: so must the document.
        schema["pattern"] = f"^$|{pattern}" if field.allow_blank else pattern
    if field.max_length:
        schema["maxLength"] = field.max_length
    if not field.allow_blank:
        schema["minLength"] = 1
    return schema


def serializer_schema(serializer: serializers.Serializer) -> dict:
    fields = serializer.fields
    return {
        "type": "object",
        "properties": {name: field_schema(field) for name, field in fields.items()},
        "required": [name for name, field in fields.items() if field.required],
        "additionalProperties": True,  # unknown fields are ignored, for forward compatibility
    }
