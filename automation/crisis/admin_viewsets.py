"""The crisis screens in the admin's "Automatisering" menu (collected by automation/admin_menu.py)."""

from __future__ import annotations

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from automation.crisis import admin_views


class CrisisMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.user_may_view(request.user)


class CrisisAlertViewSet(ViewSet):
    """List, compose, confirm and follow crisis alerts; shown to people with the crisis permission."""

    icon = "warning"
    menu_label = "Crisisberichten"
    menu_item_class = CrisisMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.AlertIndexView.as_view(), name="index"),
            path("nieuw/", admin_views.AlertComposeView.as_view(), name="compose"),
            path("<int:pk>/", admin_views.AlertDetailView.as_view(), name="detail"),
            path("<int:pk>/progress.json", admin_views.AlertProgressView.as_view(), name="progress"),
            path("<int:pk>/<slug:action>/", admin_views.AlertActionView.as_view(), name="action"),
        ]


def viewsets() -> list:
    """Viewsets (or viewset groups) this area adds to the "Automatisering" menu, in menu order."""
    return [CrisisAlertViewSet(admin_views.URL_NAMESPACE)]
