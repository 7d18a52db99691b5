"""Admin wiring of the search log: the report "Zoekvragen" (Reports menu), a page's questions, the side panel."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.edit import EditView

from search.querylog import admin_views
from search.querylog.side_panel import side_panels_extend

urlpatterns = [
    path("", admin_views.SearchReportView.as_view(), name="report"),
    path("pagina/<int:page_id>/", admin_views.PageQuestionsView.as_view(), name="page"),
]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_read_report(request.user)


@hooks.register("register_admin_urls")
def querylog_urls():
    return [path("zoekvragen/", include((urlpatterns, "search_querylog"), namespace="search_querylog"))]


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem("Zoekvragen", reverse("search_querylog:report"), name="zoekvragen", icon_name="search",
                          order=650)


@hooks.register("register_permissions")
def report_permission():
    return Permission.objects.filter(content_type__app_label="search_querylog", codename="view_search_report")


side_panels_extend(EditView)
