"""Public crisis endpoints under /api/automation/crisis/ (the front end's crisis banner).

Registered by `CrisisConfig.ready` (cms.http.routes); the views live beside the crisis
models they read.
"""

from django.urls import path

from automation.crisis.active import active_alerts_view

app_name = "crisis"

urlpatterns = [
    path("active/", active_alerts_view, name="active"),
]
