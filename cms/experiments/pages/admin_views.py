"""The admin screens of a page experiment: its results (and a stop button), and the notice on its page's editor.

Results are shown to whoever may edit the experiment's page or change experiments: the
people who would act on them. Stopping is a POST (with Django's CSRF check), by the same
people; the views and clicks stay, so the results page keeps showing what was measured.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages as admin_messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.experiments.pages.models import PageExperiment
from cms.experiments.pages.results import page_experiment_results
from cms.experiments.pages.services import page_experiment_stop


def may_follow(user, experiment: PageExperiment) -> bool:
    if user.has_perm("experiments.change_pageexperiment"):
        return True
    return experiment.page.permissions_for_user(user).can_edit()


class PageExperimentResultsView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "view"
    template_name = "experiments/page_results.html"

    def dispatch(self, request, *args, **kwargs):
        self.experiment = get_object_or_404(PageExperiment.objects.select_related("page"), pk=kwargs["pk"])
        if not may_follow(request.user, self.experiment):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Resultaten: {self.experiment.name}"

    def get_breadcrumbs_items(self):
        return []

    def post(self, request, *args, **kwargs):
        if page_experiment_stop(experiment=self.experiment):
            messages.success(request, f"Het experiment „{self.experiment.name}” is gestopt: iedereen ziet nu versie A.")
        return redirect(reverse("page_experiments:results", args=[self.experiment.pk]))

    def get_context_data(self, **kwargs):
        results = page_experiment_results(experiment=self.experiment)
        return super().get_context_data(
            experiment=self.experiment, results=results, running=self.experiment.is_running(),
            page_edit_url=reverse("wagtailadmin_pages:edit", args=[self.experiment.page_id]), **kwargs)


def experiment_notice(request, page) -> None:
    """On the editor of a page with an experiment (running or not), a notice linking to its results."""
    if request.method != "GET":
        return
    experiment = PageExperiment.objects.filter(page_id=page.pk).order_by("-created_at").first()
    if experiment is None:
        return
    state = "loopt" if experiment.is_running() else "is gestopt"
    admin_messages.info(
        request, f"Deze pagina heeft een experiment: „{experiment.name}” {state}.",
        buttons=[admin_messages.button(reverse("page_experiments:results", args=[experiment.pk]), "Resultaten bekijken")],
    )
