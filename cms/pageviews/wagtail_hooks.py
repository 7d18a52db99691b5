"""Admin wiring of the page views: the report "Bezoeken" (Reports menu), a page's days, the side panel."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.edit import EditView

from cms.pageviews import admin_views
from cms.pageviews.side_panel import side_panels_extend

urlpatterns = [
    path("", admin_views.PageViewsReportView.as_view(), name="report"),
    path("pagina/<int:page_id>/", admin_views.PageViewsPageView.as_view(), name="page"),
]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_read_report(request.user)


@hooks.register("register_admin_urls")
def pageviews_urls():
    return [path("bezoeken/", include((urlpatterns, "pageviews_admin"), namespace="pageviews_admin"))]


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem("Bezoeken", reverse("pageviews_admin:report"), name="bezoeken", icon_name="view", order=660)


@hooks.register("register_permissions")
def report_permission():
    return Permission.objects.filter(content_type__app_label="pageviews", codename="view_pageviews_report")


side_panels_extend(EditView)
