"""Admin wiring of the test panel: the Pretests menu item, its screens, the button on a page's edit view."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from automation.panel import admin_views


@hooks.register("register_admin_urls")
def panel_admin_urls():
    return [path("pretests/", include((admin_views.urlpatterns, "panel_admin"), namespace="panel_admin"))]


class PretestsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def pretests_menu_item():
    return PretestsMenuItem("Pretests", reverse("panel_admin:index"), icon_name="group", order=310)


hooks.register("register_page_header_buttons", admin_views.header_buttons)
