"""Sinch callbacks, included under /api/automation/sms/sinch/ (names in the `automation` namespace)."""

from django.urls import path

from integrations.sinch.webhooks import SinchCallbackView

urlpatterns = [path("<str:secret>/", SinchCallbackView.as_view(), name="sinch_callback")]
