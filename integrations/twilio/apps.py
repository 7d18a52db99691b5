from django.apps import AppConfig


class TwilioConfig(AppConfig):
    """No models: listed so Twilio's callbacks are routed by the provider itself, not by automation."""

    name = "integrations.twilio"
    label = "integrations_twilio"
    verbose_name = "SMS en spraakoproepen via Twilio"

    def ready(self):
        from cms.http.routes import route_register

        route_register(name="twilio", prefix="api/automation/sms/twilio/", urls="integrations.twilio.urls", order=30)
        route_register(
            name="twilio_voice", prefix="api/automation/voice/twilio/", urls="integrations.twilio.voice_urls", order=30
        )
        from integrations.twilio.openapi import openapi_parts_register

        openapi_parts_register()
