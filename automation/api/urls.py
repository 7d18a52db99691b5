"""URLs under /api/automation/ (included from cms/urls.py)."""

from django.urls import path

from automation.api.events import DossierEventsView
from automation.api.openapi import openapi_view
from automation.api.preferences import PreferencesView
from automation.api.unsubscribe import UnsubscribeView

app_name = "automation"

urlpatterns = [
    path("events/", DossierEventsView.as_view(), name="events"),
    path("openapi.json", openapi_view, name="openapi"),
    path("unsubscribe/<str:token>/", UnsubscribeView.as_view(), name="unsubscribe"),
    path("preferences/<str:token>/", PreferencesView.as_view(), name="preferences"),
]
