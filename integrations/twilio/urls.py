"""Twilio callbacks, included under /api/automation/sms/twilio/ (names in the `automation` namespace)."""

from django.urls import path

from integrations.twilio.webhooks import TwilioInboundView, TwilioStatusView

urlpatterns = [
    path("status/", TwilioStatusView.as_view(), name="twilio_status"),
    path("inbound/", TwilioInboundView.as_view(), name="twilio_inbound"),
]
