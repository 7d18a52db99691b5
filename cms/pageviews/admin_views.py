"""The admin screens of the page views: the report "Bezoeken" and the days of one page.

The report needs `pageviews.view_pageviews_report` (granted to the editors' groups,
cms/core/editors.py). A page's own numbers are shown to whoever may edit the page, or
read the report: they are about what that page is for.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.core.charts.bar_chart import bar_chart_svg
from cms.core.charts.trend_chart import trend_chart_svg
from cms.pageviews import figures

REPORT_PERMISSION = "pageviews.view_pageviews_report"
PERIODS = [(7, "7 dagen"), (30, "30 dagen"), (90, "90 dagen"), (365, "een jaar")]
DEFAULT_DAYS = 30
SECTIONS = [
    ("section", "Per rubriek", figures.views_per_section),
    ("theme", "Per thema", figures.views_per_theme),
    ("wijk", "Per wijk", figures.views_per_wijk),
    ("page", "Per pagina (de 50 meest bezochte)", figures.views_per_page),
    ("referrer", "Per verwijzend domein (de 30 grootste)", figures.views_per_referrer),
]


def can_read_report(user) -> bool:
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def can_read_page(user, page: Page) -> bool:
    return can_read_report(user) or page.permissions_for_user(user).can_edit()


class PeriodForm(forms.Form):
    days = forms.TypedChoiceField(label="Periode", choices=PERIODS, coerce=int, required=False)

    def days_chosen(self) -> int:
        return (self.cleaned_data.get("days") if self.is_valid() else None) or DEFAULT_DAYS


def bars(*, chart_id: str, title: str, rows: list) -> str:
    return bar_chart_svg(
        chart_id=chart_id, title=title, groups=[(row.label, [("bezoeken", row.views)]) for row in rows], empty="Geen bezoeken."
    )


class PageViewsReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Bezoeken"
    header_icon = "view"
    template_name = "pageviews/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_read_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or None)
        days = figures.period(form.days_chosen(), today=timezone.localdate())
        per_day = figures.views_per_day(days)
        sections = []
        for key, title, rows_of in SECTIONS:
            rows = rows_of(days)
            links = {row.key: reverse("pageviews_admin:page", args=[row.key]) for row in rows if key == "page"}
            sections.append({
                "id": f"views-{key}", "title": title, "rows": [(row, links.get(row.key)) for row in rows],
                "chart": bars(chart_id=f"views-{key}", title=f"Bezoeken {title.lower()}", rows=rows),
            })  # fmt: skip
        trend = trend_chart_svg(
            chart_id="views-trend", title="Bezoeken per dag, hele site", days=days, series=[("bezoeken", per_day)]
        )
        return super().get_context_data(
            form=form, trend=trend, total=sum(per_day), days=list(zip(days, per_day)), sections=sections, **kwargs
        )


class PageViewsPageView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "view"
    template_name = "pageviews/page.html"

    def get_page_title(self):
        return f"Bezoeken: {self.page.title}"

    def get_breadcrumbs_items(self):
        return []

    def dispatch(self, request, *args, page_id: int, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id)
        if not can_read_page(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or None)
        days = figures.period(form.days_chosen(), today=timezone.localdate())
        per_day = figures.views_per_day(days, page_id=self.page.pk)
        return super().get_context_data(
            form=form, page=self.page, total=sum(per_day), days=list(zip(days, per_day)),
            trend=page_trend_svg(page=self.page, days=days, per_day=per_day), **kwargs,
        )  # fmt: skip


def page_trend_svg(*, page: Page, days, per_day: list[int]) -> str:
    return trend_chart_svg(
        chart_id=f"page-views-{page.pk}", title=f"Bezoeken per dag: {page.title}", days=days, series=[("bezoeken", per_day)]
    )
