"""The bodies the panel endpoints accept, validated once by DRF serializers (the OpenAPI document reads them too).

Joining names the current consent text's version: a body naming another was not shown
the words we record it agreed to, and is refused on `consent_version`. An answer has one
field per question key the admin offers (questions.py: the clarity scale `duidelijk`,
free texts `actie`, `opmerking`, `extra`); each error is named by its path
(`answers.duidelijk`, `cloze`). Texts keep their white space as typed (no silent trim
that would turn a documented non-empty string into a refused empty one).
"""

from __future__ import annotations

from rest_framework import serializers

from automation.contacts.taxonomy import wijken_by_slug
from automation.languages import supported_languages
from automation.panel.consent import CURRENT_VERSION
from automation.panel.questions import MAX_GIVEN, MAX_TEXT, SCALE
from cms.readability.cloze import MAX_GAPS


class JoinSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254, help_text="Where the confirmation link goes.")
    wijk = serializers.SlugField(max_length=80, help_text="Slug of the core.Wijk the citizen lives in.")
    language = serializers.ChoiceField(choices=supported_languages(), help_text="nl, en or fr: the drafts to read.")
    consent_version = serializers.ChoiceField(
        choices=[CURRENT_VERSION], help_text="The version of the consent text shown (GET panel/consent/)."
    )

    def validate_wijk(self, value):
        found = wijken_by_slug([value])
        if value not in found:
            raise serializers.ValidationError(f"Unknown wijk: {value!r}.")
        return found[value]


NUL_FREE = {"pattern": "^[^\\x00]*$"}  # PostgreSQL cannot store a NUL character in text


class StrictCharField(serializers.CharField):
    """Text only: a number or a boolean is refused, not turned into text (what the document says is a string).

    Without a NUL character, which PostgreSQL cannot store (said in the document as a pattern)."""

    json_schema_extra = NUL_FREE  # a class attribute: DRF copies declared fields by their arguments

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON whole number only: "4", 4.0 and true are refused, not coerced."""

    json_schema_extra: dict = {}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


def _text(**kwargs) -> serializers.CharField:
    return StrictCharField(trim_whitespace=False, **kwargs)


class TokenSerializer(serializers.Serializer):
    token = _text(max_length=500, help_text="The token from the confirmation link.")


class ScaleField(StrictIntegerField):
    json_schema_extra = {"maximum": max(SCALE)}


def _scale() -> serializers.IntegerField:
    return ScaleField(min_value=min(SCALE), max_value=max(SCALE), help_text="1 (not clear at all) to 5 (very clear).")


class AnswersSerializer(serializers.Serializer):
    """One answer per question key; a key the pretest does not ask is ignored, as unknown fields are."""

    duidelijk = _scale()
    actie = _text(allow_blank=True, required=False, max_length=MAX_TEXT, help_text="Free text (optional).")
    opmerking = _text(allow_blank=True, required=False, max_length=MAX_TEXT, help_text="Free text (optional).")
    extra = _text(allow_blank=True, required=False, max_length=MAX_TEXT, help_text="Free text (optional).")


class AnswerSerializer(serializers.Serializer):
    answers = AnswersSerializer(help_text="The answers, by question key (`duidelijk` is the clarity scale).")
    cloze = serializers.ListField(
        child=_text(allow_blank=True, max_length=MAX_GIVEN),
        max_length=MAX_GAPS,
        help_text="One word per gap, in order; an empty string for a gap left open. Words past the last gap are ignored.",
    )
