"""The compose form of a crisis alert: headline and text per language (Dutch required), where, how.

The form only collects; `compose.crisis_alert_compose` validates and stores, and its
field errors are put back beside the fields here, so there is one set of rules.
Where is an explicit choice (the whole city or chosen wijken), never an empty list that
silently means the whole city.
"""

from __future__ import annotations

from django import forms
from django.conf import settings

from automation.crisis.compose import AlertText, CrisisAlertInvalid, crisis_alert_compose, crisis_alert_validate
from cms.core.models import Wijk

SCOPE_CITY, SCOPE_WIJKEN = "city", "wijken"


class CrisisAlertComposeForm(forms.Form):
    title = forms.CharField(label="Titel (intern)", max_length=200, required=False)
    scope = forms.ChoiceField(
        label="Voor wie",
        choices=[(SCOPE_CITY, "Heel Gent"), (SCOPE_WIJKEN, "Gekozen wijken")],
        widget=forms.RadioSelect,
        initial=SCOPE_WIJKEN,
    )
    wijken = forms.ModelMultipleChoiceField(
        label="Wijken", queryset=Wijk.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple
    )
    channels = forms.MultipleChoiceField(
        label="Kanalen",
        choices=[("sms", "sms"), ("email", "e-mail"), ("voice", "telefoonoproep (wie 'bel mij' koos)")],
        widget=forms.CheckboxSelectMultiple,
        initial=["sms", "email"],
        required=False,
    )
    url = forms.URLField(label="Link naar meer info (optioneel)", required=False, assume_scheme="https")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.alert = None
        for code, name in settings.LANGUAGES:
            source = code == settings.LANGUAGE_CODE
            suffix = " (verplicht)" if source else " (optioneel: anders krijgt men de Nederlandse tekst)"
            self.fields[f"headline_{code}"] = forms.CharField(label=f"Kop, {name}{suffix}", max_length=120, required=False)
            self.fields[f"body_{code}"] = forms.CharField(
                label=f"Tekst, {name}", required=False, widget=forms.Textarea(attrs={"rows": 4})
            )

    def language_fields(self):
        """(language name, headline field, body field) for the template, in site order."""
        return [(name, self[f"headline_{code}"], self[f"body_{code}"]) for code, name in settings.LANGUAGES]

    def _texts(self) -> dict[str, AlertText]:
        data = self.cleaned_data
        return {
            code: AlertText(data.get(f"headline_{code}", ""), data.get(f"body_{code}", ""))
            for code, _name in settings.LANGUAGES
        }

    def _add_errors(self, invalid: CrisisAlertInvalid) -> None:
        for field, messages in invalid.errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == SCOPE_WIJKEN and not cleaned.get("wijken"):
            self.add_error("wijken", "Kies minstens één wijk, of kies 'Heel Gent'.")
        try:  # the service's rules, shown beside the fields with the form's own
            crisis_alert_validate(
                title=cleaned.get("title", ""), texts=self._texts(), channels=cleaned.get("channels") or []
            )
        except CrisisAlertInvalid as invalid:
            self._add_errors(invalid)
        return cleaned

    def save(self):
        """Compose the draft; False (with errors on the form) when the service refuses the input."""
        data = self.cleaned_data
        wijken = list(data["wijken"]) if data["scope"] == SCOPE_WIJKEN else []
        try:
            self.alert = crisis_alert_compose(
                by=self.user, title=data["title"], texts=self._texts(), wijken=wijken, channels=data["channels"], url=data["url"]
            )
        except CrisisAlertInvalid as invalid:
            self._add_errors(invalid)
            return False
        return True
