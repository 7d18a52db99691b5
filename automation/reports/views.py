"""The message report in the admin: counts and charts per journey and per wijk, filterable by period and channel."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from automation.channels.kinds import ChannelKind
from cms.core.charts.bar_chart import bar_chart_svg
from automation.reports.message_counts import METRICS, message_counts_by, messages_in_period

VIEW_PERMISSION = "automation_messages.view_message"
TITLES = {"journey": "Per journey", "wijk": "Per wijk"}


class ReportFilterForm(forms.Form):
    since = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label="Kanaal", required=False, choices=[("", "alle kanalen"), *ChannelKind.choices])


class MessageReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Berichten: rapport"
    header_icon = "doc-full"
    template_name = "reports/message_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        form = ReportFilterForm(self.request.GET or None)
        filters = {name: value for name, value in form.cleaned_data.items() if value} if form.is_valid() else {}
        messages = messages_in_period(**filters)
        sections = []
        for breakdown, title in TITLES.items():
            rows = message_counts_by(breakdown, messages)
            groups = [(row.label, [(label, row.counts[name]) for name, label in METRICS]) for row in rows]
            sections.append(
                {
                    "id": f"chart-{breakdown}",
                    "title": title,
                    "rows": rows,
                    "chart": bar_chart_svg(chart_id=f"chart-{breakdown}", title=f"Berichten {title.lower()}", groups=groups),
                }
            )
        return super().get_context_data(form=form, sections=sections, metrics=METRICS, **kwargs)
