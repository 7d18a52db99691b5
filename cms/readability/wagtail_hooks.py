"""Admin wiring of readability: the live check's URLs and script, the report (Reports menu),
the dashboard panel and the glossary snippet. The Checks panel's section is a template
(templates/wagtailadmin/shared/side_panels/checks.html extends Wagtail's own)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.readability import live_views
from cms.readability.dashboard import add_hardest_pages_panel
from cms.readability.models import GlossaryEntry
from cms.readability.report_views import ReadabilityReportView

urlpatterns = [
    path("pages/<int:page_id>/", live_views.LiveScoreOnEdit.as_view(), name="live_edit"),
    path(
        "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        live_views.LiveScoreOnCreate.as_view(),
        name="live_create",
    ),
    path("report/", ReadabilityReportView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def readability_urls():
    return [path("readability/", include((urlpatterns, "readability"), namespace="readability"))]


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return MenuItem("Leesbaarheid (heldere taal)", reverse("readability:report"), icon_name="glasses", order=50)


@hooks.register("insert_editor_js")
def live_check_js():
    return format_html('<script src="{}" defer></script>', static("readability/live.js"))


@hooks.register("insert_editor_css")
def live_check_css():
    return format_html('<link rel="stylesheet" href="{}">', static("readability/live.css"))


hooks.register("construct_homepage_panels", add_hardest_pages_panel)


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "glasses"
    menu_label = "Heldere-taalwoordenlijst"
    list_display = ["official", "plain", "language", "note"]
    list_filter = ["language"]
    search_fields = ["official", "plain"]
    search_backend_name = None
    ordering = ["official"]


register_snippet(GlossaryViewSet)
