"""The editor's form for a new pretest: what to test (a page or a message template), the questions, the sample."""

from __future__ import annotations

from django import forms
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from automation.languages import language_choices
from automation.messages.models import MessageTemplate
from automation.panel.questions import DEFAULT_QUESTIONS, QuestionKind
from cms.core.models import Wijk
from cms.readability.cloze import EVERY


class PretestForm(forms.Form):
    name = forms.CharField(label="Naam van de pretest", max_length=200, help_text="Alleen voor de redactie.")
    page = forms.ModelChoiceField(
        label="Pagina", queryset=Page.objects.filter(depth__gt=1), required=False, widget=AdminPageChooser(),
        help_text="De laatste versie wordt getest, ook als ze nog niet gepubliceerd is.",
    )  # fmt: skip
    message_template = forms.ModelChoiceField(
        label="Of een berichtsjabloon", queryset=MessageTemplate.objects.all(), required=False,
        help_text="De e-mailtekst in de gekozen taal (anders Nederlands).",
    )  # fmt: skip
    language = forms.ChoiceField(label="Taal van het panel", choices=language_choices(), initial="nl",
                                 help_text="Voor een pagina: de taal van de pagina.")  # fmt: skip
    question_scale = forms.CharField(label="Vraag 1 (schaal 1 tot 5)", max_length=200, initial=DEFAULT_QUESTIONS[0]["text"])
    question_action = forms.CharField(label="Vraag 2 (vrij antwoord)", max_length=200, initial=DEFAULT_QUESTIONS[1]["text"])
    question_comment = forms.CharField(label="Vraag 3 (vrij antwoord)", max_length=200, initial=DEFAULT_QUESTIONS[2]["text"])
    question_extra = forms.CharField(label="Extra vraag (vrij antwoord, mag leeg)", max_length=200, required=False)
    sample_size = forms.IntegerField(label="Hoeveel panelleden", min_value=1, max_value=500, initial=20)
    wijken = forms.ModelMultipleChoiceField(
        label="Wijken", queryset=Wijk.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Geen enkele aangevinkt: heel Gent.",
    )  # fmt: skip
    every = forms.IntegerField(label="Cloze-test: elk hoeveelste inhoudswoord weglaten", min_value=3, max_value=10,
                               initial=EVERY)  # fmt: skip

    def clean(self):
        data = super().clean()
        if bool(data.get("page")) == bool(data.get("message_template")):
            raise forms.ValidationError("Kies een pagina of een berichtsjabloon (één van beide).")
        return data

    def questions(self) -> list[dict]:
        data = self.cleaned_data
        questions = [
            {"key": "duidelijk", "kind": QuestionKind.SCALE.value, "text": data["question_scale"]},
            {"key": "actie", "kind": QuestionKind.TEXT.value, "text": data["question_action"]},
            {"key": "opmerking", "kind": QuestionKind.TEXT.value, "text": data["question_comment"]},
        ]
        if data.get("question_extra"):
            questions.append({"key": "extra", "kind": QuestionKind.TEXT.value, "text": data["question_extra"]})
        return questions
