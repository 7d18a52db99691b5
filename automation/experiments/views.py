"""The results page of one message experiment, its CSV, and stopping it by hand."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from automation.experiments.models import MessageExperiment
from automation.experiments.results import GUARDRAILS, arm_figures, chart_rows, experiment_comparison, experiment_verdict, results_csv
from automation.experiments.services import experiment_stop
from cms.core.charts.interval_chart import interval_chart_svg

VIEW_PERMISSION = "message_experiments.view_messageexperiment"
CHANGE_PERMISSION = "message_experiments.change_messageexperiment"


def _experiment(request, pk: int, permission: str = VIEW_PERMISSION) -> MessageExperiment:
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(MessageExperiment.objects.select_related("journey", "outcome_milestone"), pk=pk)


class ExperimentResultsView(WagtailAdminTemplateMixin, TemplateView):
    viewset = None
    header_icon = "list-ul"
    template_name = "message_experiments/results.html"

    def dispatch(self, request, *args, **kwargs):
        self.experiment = _experiment(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Resultaten: {self.experiment.name}"

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        experiment = self.experiment
        figures = arm_figures(experiment)
        comparison = experiment_comparison(figures) if len(figures) >= 2 else None
        against = {arm.name: arm for arm in comparison.arms} if comparison else {}
        rows = []
        for index, figure in enumerate(figures):
            result = against.get(figure.arm.name)
            rows.append(
                {
                    "figure": figure,
                    "control": index == 0,
                    "rate": f"{figure.rate * 100:.1f}".replace(".", ","),
                    "interval": None if result is None else _interval(result),
                    "guardrails": [(label, figure.guardrails[name], f"{figure.guardrail_rate(name) * 100:.1f}".replace(".", ","))
                                   for name, label in GUARDRAILS],
                }
            )
        name = self.viewset.get_url_name
        return super().get_context_data(
            experiment=experiment,
            rows=rows,
            guardrail_labels=[label for _name, label in GUARDRAILS],
            verdict=experiment_verdict(experiment, comparison) if comparison else "",
            chart=interval_chart_svg(
                chart_id="experiment-chart",
                title="Verschil met de controle (procentpunten, met 95 %-interval)",
                rows=chart_rows(comparison),
                unit="procentpunt",
            ) if comparison else "",
            csv_url=reverse(name("results_csv"), args=[experiment.pk]),
            stop_url=reverse(name("stop"), args=[experiment.pk]),
            edit_url=reverse(name("edit"), args=[experiment.pk]),
            index_url=reverse(name("index")),
            can_stop_by_hand=experiment.status == MessageExperiment.Status.RUNNING
            and self.request.user.has_perm(CHANGE_PERMISSION),
            **kwargs,
        )


def _interval(result) -> str:
    def points(value: float) -> str:
        return f"{value * 100:+.1f}".replace(".", ",")

    if result.high - result.low == float("inf"):
        return "nog niet te zeggen"
    return f"{points(result.low)} tot {points(result.high)}"


class ExperimentResultsCsvView(View):
    def get(self, request, pk: int):
        experiment = _experiment(request, pk)
        figures = arm_figures(experiment)
        response = HttpResponse(results_csv(figures, experiment_comparison(figures)), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="experiment-{experiment.key}.csv"'
        return response


class ExperimentStopView(View):
    viewset = None

    def post(self, request, pk: int):
        experiment = _experiment(request, pk, CHANGE_PERMISSION)
        reason = f"Met de hand gestopt door {request.user.get_username()}. " + (request.POST.get("reason") or "").strip()
        if experiment_stop(experiment=experiment, reason=reason.strip()):
            messages.success(request, "Het experiment is gestopt: iedereen krijgt voortaan de stap zoals ontworpen.")
        else:
            messages.warning(request, "Het experiment liep niet meer.")
        return redirect(reverse(self.viewset.get_url_name("results"), args=[pk]))
