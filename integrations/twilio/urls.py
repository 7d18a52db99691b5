"""Twilio callbacks under /api/automation/sms/twilio/, registered by `TwilioConfig.ready` (names: `twilio:...`)."""

from django.urls import path

from integrations.twilio.webhooks import TwilioInboundView, TwilioStatusView

app_name = "twilio"

urlpatterns = [
    path("status/", TwilioStatusView.as_view(), name="status"),
    path("inbound/", TwilioInboundView.as_view(), name="inbound"),
]
