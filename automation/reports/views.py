"""The message report in the admin, and the figures of one journey or crisis alert (HTML and CSV).

The report: counts and charts per journey, crisis alert, wijk and language, filterable by
period and channel; journeys and alerts link to their own figures. The figures: totals,
per wijk and per language, with the chart beside its table, and the same numbers as a
streamed CSV download (aggregates only: no names, addresses or ids of citizens).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from automation.channels.kinds import ChannelKind
from automation.languages import language_choices
from automation.reports.count_sections import OPENED_NOTE, count_section, csv_header, csv_rows
from automation.reports.figures import BREAKDOWN_TITLES, FIGURE_METRICS, figures_rows, figures_subject
from automation.reports.message_counts import METRICS, message_counts_by, messages_in_period
from cms.http.csv_download import csv_download

VIEW_PERMISSION = "automation_messages.view_message"
TITLES = {"journey": "Per journey", "crisis": "Per crisisbericht", "wijk": "Per wijk", "language": "Per taal"}


class ReportFilterForm(forms.Form):
    since = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label="Kanaal", required=False, choices=[("", "alle kanalen"), *ChannelKind.choices])


def _filters(request) -> tuple[ReportFilterForm, dict]:
    form = ReportFilterForm(request.GET or None)
    filters = {name: value for name, value in form.cleaned_data.items() if value} if form.is_valid() else {}
    return form, filters


def figures_url(kind: str, pk) -> str | None:
    return reverse("automation_messages:figures", args=[kind, pk]) if pk is not None else None


class _NeedsMessageView:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MessageReportView(_NeedsMessageView, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Berichten: rapport"
    header_icon = "doc-full"
    template_name = "reports/message_report.html"

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        form, filters = _filters(self.request)
        messages = messages_in_period(**filters)
        languages = dict(language_choices())
        sections = []
        for breakdown, title in TITLES.items():
            subset = messages.filter(crisis_alert__isnull=False) if breakdown == "crisis" else messages
            rows = message_counts_by(breakdown, subset, labels=languages if breakdown == "language" else None)
            link = (lambda row, kind=breakdown: figures_url(kind, row.key)) if breakdown in ("journey", "crisis") else None
            sections.append(
                count_section(section_id=f"chart-{breakdown}", title=title, rows=rows, metrics=METRICS, link=link)
            )
        return super().get_context_data(form=form, sections=sections, opened_note=OPENED_NOTE, **kwargs)


class FiguresView(_NeedsMessageView, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"
    template_name = "reports/figures.html"

    def get_breadcrumbs_items(self):
        return []

    def get_page_title(self):
        return f"Cijfers: {self.subject.name}"

    def get(self, request, *args, kind: str, pk: int, **kwargs):
        self.subject = figures_subject(kind=kind, pk=pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form, filters = _filters(self.request)
        messages = self.subject.messages & messages_in_period(**filters)
        totals, breakdowns = figures_rows(messages)
        sections = [
            count_section(section_id=f"figures-{name}", title=BREAKDOWN_TITLES[name], rows=rows, metrics=FIGURE_METRICS)
            for name, rows in breakdowns.items()
        ]
        csv_url = reverse("automation_messages:figures_csv", args=[self.subject.kind, self.subject.pk])
        query = self.request.GET.urlencode()
        return super().get_context_data(
            form=form,
            subject=self.subject,
            totals=count_section(section_id="figures-total", title="Totaal", rows=[totals], metrics=FIGURE_METRICS),
            sections=sections,
            opened_note=OPENED_NOTE,
            csv_url=f"{csv_url}?{query}" if query else csv_url,
            **kwargs,
        )


class FiguresCsvView(_NeedsMessageView, View):
    def get(self, request, kind: str, pk: int):
        subject = figures_subject(kind=kind, pk=pk)
        _form, filters = _filters(request)
        totals, breakdowns = figures_rows(subject.messages & messages_in_period(**filters))
        sections = [("totaal", [totals])] + [(BREAKDOWN_TITLES[name].lower(), rows) for name, rows in breakdowns.items()]
        return csv_download(
            filename=f"cijfers-{kind}-{pk}.csv",
            header=csv_header(FIGURE_METRICS),
            rows=csv_rows(sections, FIGURE_METRICS),
        )
