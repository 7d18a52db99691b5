"""The bodies the panel endpoints accept, validated once by DRF serializers (the OpenAPI document reads them too).

Joining names the current consent text's version: a body naming another was not shown
the words we record it agreed to, and is refused on `consent_version`. An answer's
fields are checked against the pretest's own questions and its number of gaps
(questions.py), each error named by its path (`answers.duidelijk`, `cloze`).
"""

from __future__ import annotations

from rest_framework import serializers

from automation.contacts.taxonomy import wijken_by_slug
from automation.languages import supported_languages
from automation.panel.consent import CURRENT_VERSION
from automation.panel.questions import answers_errors, cloze_errors
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


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500, help_text="The token from the confirmation link.")


class AnswerSerializer(serializers.Serializer):
    answers = serializers.DictField(help_text="One answer per question key: 1 to 5 for a scale, text (optional) else.")
    cloze = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=100, trim_whitespace=False),
        max_length=MAX_GAPS,
        help_text="One word per gap, in order; an empty string for a gap left open.",
    )

    def validate(self, data):
        pretest = self.context["pretest"]
        errors = answers_errors(questions=pretest.questions, answers=data["answers"])
        errors.update(cloze_errors(given=data["cloze"], gaps=len(pretest.cloze.get("answers", []))))
        if errors:
            raise serializers.ValidationError(errors)
        return data
