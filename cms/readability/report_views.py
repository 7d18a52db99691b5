"""The admin's site-wide readability report: pages by level per section, department and page
type (chart and table), the hardest pages first, and the same list as CSV.

Any editor with admin access may read it (titles of public pages only). Filters are plain
GET parameters, so a filtered view can be bookmarked and its CSV link keeps the filters.
"""

from __future__ import annotations

import csv

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.readability.chart import level_chart_svg
from cms.readability.levels import ORDER, TARGET, Level
from cms.readability.models import LANGUAGE_CHOICES
from cms.readability.report import GROUPINGS, filter_choices, grouped, level_totals, scores, type_label

PER_PAGE = 50
CSV_COLUMNS = ["page_id", "title", "language", "level", "level_label", "difficulty", "words", "hard_sentences",
               "section", "department", "page_type", "scored_at", "edit_url"]  # fmt: skip


class ReportFilterForm(forms.Form):
    language = forms.ChoiceField(label="Taal", required=False, choices=[("", "alle talen"), *LANGUAGE_CHOICES])
    level = forms.ChoiceField(label="Niveau", required=False, choices=[("", "alle niveaus"), *Level.choices])
    section = forms.ChoiceField(label="Rubriek", required=False)
    department = forms.ChoiceField(label="Dienst", required=False)
    page_type = forms.ChoiceField(label="Paginatype", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices()
        self.fields["section"].choices = [("", "alle rubrieken"), *choices["section"]]
        self.fields["department"].choices = [("", "alle diensten"), *choices["department"]]
        self.fields["page_type"].choices = [("", "alle types"), *choices["page_type"]]

    def filters(self) -> dict[str, str]:
        return {name: value for name, value in self.cleaned_data.items() if value} if self.is_valid() else {}


class ReadabilityReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Heldere taal: leesbaarheid van de website"
    header_icon = "glasses"
    template_name = "readability/report.html"

    def get_breadcrumbs_items(self):
        return []

    def get(self, request, *args, **kwargs):
        self.form = ReportFilterForm(request.GET or None)
        self.rows = scores(**self.form.filters())
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        totals = level_totals(self.rows)
        sections = []
        for grouping, title in GROUPINGS.items():
            groups = grouped(self.rows, grouping)
            sections.append({
                "id": f"chart-{grouping}", "title": title, "groups": groups,
                "chart": level_chart_svg(chart_id=f"chart-{grouping}", title=f"Pagina's per niveau, {title.lower()}",
                                         rows=[(group.label, group.counts) for group in groups[:25]]),
            })  # fmt: skip
        page = Paginator(self.rows, PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        query["format"] = "csv"
        return super().get_context_data(
            form=self.form,
            totals=[(Level(level), count) for level, count in totals.items()],
            total=sum(totals.values()),
            above_target=sum(count for level, count in totals.items() if ORDER.index(Level(level)) > ORDER.index(TARGET)),
            target=TARGET,
            overview=level_chart_svg(chart_id="chart-all", title="Alle pagina's per niveau", rows=[("Alle pagina's", totals)]),
            sections=sections,
            pages=page,
            csv_url=f"{reverse('readability:report')}?{query.urlencode()}",
            **kwargs,
        )

    def csv_response(self) -> HttpResponse:
        stamp = timezone.localdate().isoformat()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="leesbaarheid-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the accents as UTF-8
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for row in self.rows.iterator(chunk_size=500):
            writer.writerow([
                row.page_id, row.page.title, row.language, row.level, row.level_label, row.difficulty, row.words,
                row.hard_sentences, row.section_title, row.department, type_label(row.page_type),
                row.scored_at.isoformat(), self.request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[row.page_id])),
            ])  # fmt: skip
        return response
