"""Provider credentials for the integration tests, and the public host callbacks are signed for."""

import pytest

PUBLIC = "https://gent.example"


@pytest.fixture(autouse=True)
def provider_settings(settings):
    settings.AUTOMATION_PUBLIC_BASE_URL = PUBLIC
    settings.AUTOMATION_SMS_QUIET_HOURS = ""
    settings.TWILIO_ACCOUNT_SID = "AC123"
    settings.TWILIO_AUTH_TOKEN = "twilio-token"
    settings.TWILIO_FROM = "+3225550000"
    settings.TWILIO_VOICE_FROM = "+3292101010"
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_API_BASE = "https://api.twilio.com"
    settings.SINCH_SERVICE_PLAN_ID = "plan1"
    settings.SINCH_API_TOKEN = "sinch-token"
    settings.SINCH_FROM = "StadGent"
    settings.SINCH_API_BASE = "https://eu.sms.api.sinch.com"
    settings.SINCH_CALLBACK_SECRET = "cb-secret"
