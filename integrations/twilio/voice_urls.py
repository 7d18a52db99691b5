"""Twilio's voice callbacks under /api/automation/voice/twilio/, registered by `TwilioConfig.ready` (names: `twilio_voice:...`)."""

from django.urls import path

from integrations.twilio.voice_webhooks import TwilioCallStatusView

app_name = "twilio_voice"

urlpatterns = [
    path("status/", TwilioCallStatusView.as_view(), name="status"),
]
