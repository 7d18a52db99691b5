"""The admin screens of the search log: the report "Zoekvragen" and all questions of one page.

The report needs the permission `search_querylog.view_search_report` (granted to the web
editors' groups, cms/core/editors.py). A page's questions are shown to whoever may edit the
page, or read the report: they are what that page is for.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.core.charts.trend_chart import trend_chart_svg
from search.querylog.models import WithheldKind
from search.querylog.page_questions import page_questions
from search.querylog.report import DEFAULT_DAYS, SECTIONS, search_report

REPORT_PERMISSION = "search_querylog.view_search_report"
REPORT_LIMIT = 50
PAGE_LIMIT = 200
MAX_PERIOD_DAYS = 800  # beyond any daily retention: a longer period shows nothing more

SECTION_TEXT = {
    "top": ("Meest gezocht", "zoekopdrachten",
            "Wat burgers het vaakst zochten. Staan deze woorden in de titel en de inleiding van de pagina die het antwoord geeft?"),
    "no_results": ("Gezocht maar niets gevonden", "zonder resultaat",
                   "Zoekvragen zonder één resultaat. Schrijf een pagina die het antwoord geeft, of gebruik de woorden "
                   "van de burger op de pagina die het al geeft."),
    "not_opened": ("Gevonden maar nooit geopend", "gevonden, niets geopend",
                   "Er waren resultaten, maar niemand opende er een: titel en inleiding tonen niet dat het antwoord daar staat."),
}


def can_read_report(user) -> bool:
    return user.is_active and user.has_perm(REPORT_PERMISSION)


class PeriodForm(forms.Form):
    since = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def period(self):
        """(since, until): the dates given, or the last DEFAULT_DAYS days; None when the form is invalid."""
        today = timezone.localdate()
        if not self.is_valid():
            return None
        until = self.cleaned_data.get("until") or today
        since = self.cleaned_data.get("since") or until - timedelta(days=DEFAULT_DAYS - 1)
        if since > until:
            self.add_error("since", "De begindatum ligt na de einddatum.")
            return None
        if (until - since).days >= MAX_PERIOD_DAYS:
            self.add_error("since", f"Kies een periode van hoogstens {MAX_PERIOD_DAYS} dagen.")
            return None
        return since, until


def new_page_url() -> str | None:
    """Wagtail's "choose a parent" for SEARCH_REPORT_NEW_PAGE_TYPE (the add-page chooser), or None."""
    try:
        model = apps.get_model(settings.SEARCH_REPORT_NEW_PAGE_TYPE)
        return reverse("wagtailadmin_pages:choose_parent", args=[model._meta.app_label, model._meta.model_name])
    except (LookupError, ValueError, NoReverseMatch):
        return None


def explorer_search_url(query: str) -> str:
    """The page explorer's search for these words: where the page that should answer is found."""
    return reverse("wagtailadmin_pages:search") + "?" + urlencode({"q": query})


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Zoekvragen"
    header_icon = "search"
    template_name = "querylog/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_read_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET)
        period = form.period()
        if period is None:
            return super().get_context_data(form=form, sections=[], **kwargs)
        since, until = period
        report = search_report(since=since, until=until, limit=REPORT_LIMIT)
        create_url = new_page_url()
        sections = []
        for section in SECTIONS:
            title, series, description = SECTION_TEXT[section]
            rows = [{"row": row, "search_url": explorer_search_url(row.query)} for row in getattr(report, section)]
            sections.append({
                "id": f"zoekvragen-{section.replace('_', '-')}",
                "title": title,
                "description": description,
                "series": series,
                "rows": rows,
                "create_url": create_url if section == "no_results" else None,
                "chart": trend_chart_svg(chart_id=f"trend-{section}", title=f"{title}: per dag",
                                         days=report.days, series=[(series, report.trends[section])],
                                         empty="Geen zoekopdrachten in deze periode."),
                "trend": list(zip(report.days, report.trends[section], strict=True)),
            })
        labels = dict(WithheldKind.choices)
        withheld = [(labels[kind], count) for kind, count in report.withheld.items() if count]
        return super().get_context_data(form=form, report=report, sections=sections, withheld=withheld,
                                        withheld_total=sum(count for _label, count in withheld), **kwargs)


class PageQuestionsView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "search"
    template_name = "querylog/page_questions.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific_deferred
        may_edit = self.page.permissions_for_user(request.user).can_edit()
        if not (may_edit or can_read_report(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Zoekvragen van burgers: {self.page.get_admin_display_title()}"

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        questions = page_questions(page_id=self.page.pk, limit=PAGE_LIMIT)
        return super().get_context_data(
            page=self.page, questions=questions,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]), **kwargs)
