"""The experiments screens in the "Automatisering" menu: the list, the form, and per experiment its results.

A `ModelViewSet` over `MessageExperiment` with its versions inline; the listing links each
experiment to its results page (views.py), where editors read the verdict, the chart and
the table, download the table as CSV and stop the experiment by hand. The form checks the
design with the one rule (design.py) and names the field of every problem.
"""

from __future__ import annotations

from django.urls import path, reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from automation.experiments.design import ArmDesign, experiment_design_errors
from automation.experiments.models import MessageExperiment
from automation.experiments.views import ExperimentResultsCsvView, ExperimentResultsView, ExperimentStopView


class ExperimentForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("arms")
        if formset is None or not all(form.is_valid() for form in formset.forms if form not in formset.deleted_forms):
            return cleaned
        kept = [
            form for form in formset.forms
            if form not in formset.deleted_forms and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        forms = sorted(kept, key=lambda form: form.cleaned_data.get("ORDER") or 0)  # the first is the control
        arms = [
            ArmDesign(
                name=form.cleaned_data.get("name") or "", weight=form.cleaned_data.get("weight") or 0,
                subject=form.cleaned_data.get("subject") or "", text=form.cleaned_data.get("text") or "",
                channel=form.cleaned_data.get("channel") or "", delay_hours=form.cleaned_data.get("delay_hours"),
            )
            for form in forms
        ]
        errors = experiment_design_errors(
            arms=arms, test_share=cleaned.get("test_share") or 0, outcome=cleaned.get("outcome") or "",
            outcome_milestone=cleaned.get("outcome_milestone"), journey=cleaned.get("journey"),
            step_key=cleaned.get("step_key") or "",
        )
        for field, messages in errors.items():
            if field.startswith("arms["):
                index, name = int(field[5 : field.index("]")]), field.split(".", 1)[1]
                for message in messages:
                    forms[index].add_error(name, message)
            elif field == "arms":
                for message in messages:
                    self.add_error(None, f"Versies: {message}")
            else:
                for message in messages:
                    self.add_error(field, message)
        return cleaned


class ExperimentViewSet(ModelViewSet):
    model = MessageExperiment
    icon = "list-ul"
    menu_label = "Experimenten"
    add_to_admin_menu = False
    copy_view_enabled = False
    list_filter = ["status"]
    search_fields = ["name", "key"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name"), FieldPanel("key"), FieldPanel("status"), FieldPanel("journey"), FieldPanel("step_key"),
                 FieldPanel("language")],
                heading="Experiment",
            ),
            MultiFieldPanel(
                [FieldPanel("outcome"), FieldRowPanel([FieldPanel("outcome_milestone"), FieldPanel("outcome_days")]),
                 FieldPanel("outcome_phrase")],
                heading="Wat we meten",
            ),
            MultiFieldPanel(
                [FieldPanel("test_share"), FieldPanel("rest_deadline")], heading="Nieuwsbrief: de winnaar naar de rest"
            ),
            InlinePanel("arms", heading="Versies (de eerste is de controle)", min_num=2, label="versie"),
        ],
        base_form_class=ExperimentForm,
    )

    @property
    def list_display(self):
        return [
            TitleColumn("name", label="Naam", get_url=lambda obj: reverse(self.get_url_name("results"), args=[obj.pk])),
            "journey",
            "step_key",
            "status",
            "created_at",
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/resultaten/", ExperimentResultsView.as_view(viewset=self), name="results"),
            path("<int:pk>/resultaten.csv", ExperimentResultsCsvView.as_view(), name="results_csv"),
            path("<int:pk>/stoppen/", ExperimentStopView.as_view(viewset=self), name="stop"),
        ]


def viewsets() -> list:
    return [ExperimentViewSet("automation_message_experiments")]
