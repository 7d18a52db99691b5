"""The "Voorbeeld berichten" screen of the "Automatisering" menu: preview any template with sample data."""

from __future__ import annotations

from django.urls import path
from wagtail.admin.viewsets.base import ViewSet

from automation.journeys.preview.views import TemplateIndexView, TemplatePreviewView


class TemplatePreviewViewSet(ViewSet):
    icon = "mail"
    menu_label = "Voorbeeld berichten"
    add_to_admin_menu = False

    def get_urlpatterns(self):
        common = {
            "preview_url_name": self.get_url_name("preview"),
            "index_url_name": self.get_url_name("index"),
        }
        return [
            path("", TemplateIndexView.as_view(preview_url_name=common["preview_url_name"]), name="index"),
            path(
                "<int:pk>/",
                TemplatePreviewView.as_view(index_url_name=common["index_url_name"]),
                name="preview",
            ),
        ]
