"""URLs under /api/automation/ (included from cms/urls.py)."""

from django.urls import path

from automation.api.events import DossierEventsView

app_name = "automation"

urlpatterns = [
    path("events/", DossierEventsView.as_view(), name="events"),
]
