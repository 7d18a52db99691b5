"""Sinch callbacks under /api/automation/sms/sinch/, registered by `SinchConfig.ready` (names: `sinch:...`)."""

from django.urls import path

from integrations.sinch.webhooks import SinchCallbackView

app_name = "sinch"

urlpatterns = [path("<str:secret>/", SinchCallbackView.as_view(), name="callback")]
