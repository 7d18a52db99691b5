"""Admin wiring of page experiments: the snippet (Experimenten), its results screen, the notice on a page's editor."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.experiments.pages import admin_views
from cms.experiments.pages.forms import PageExperimentForm
from cms.experiments.pages.models import PageExperiment


class PageExperimentViewSet(SnippetViewSet):
    model = PageExperiment
    icon = "resubmit"
    menu_label = "Pagina-experimenten"
    add_to_admin_menu = True
    menu_order = 450
    list_display = ["name", "page", "field", "status", "starts_at"]
    list_filter = ["status", "field"]
    edit_handler = ObjectList(PageExperiment.panels, base_form_class=PageExperimentForm)


register_snippet(PageExperimentViewSet)

urlpatterns = [
    path("<int:pk>/", admin_views.PageExperimentResultsView.as_view(), name="results"),
]


@hooks.register("register_admin_urls")
def page_experiment_urls():
    return [path("pagina-experimenten/", include((urlpatterns, "page_experiments"), namespace="page_experiments"))]


@hooks.register("before_edit_page")
def page_experiment_notice(request, page):
    admin_views.experiment_notice(request, page)


@hooks.register("register_snippet_listing_buttons")
def results_button(snippet, user, next_url=None):
    if isinstance(snippet, PageExperiment):
        yield Button("Resultaten", reverse("page_experiments:results", args=[snippet.pk]), icon_name="view",
                     priority=5)
