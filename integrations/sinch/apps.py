from django.apps import AppConfig


class SinchConfig(AppConfig):
    """No models: listed so Sinch's callbacks are routed by the provider itself, not by automation."""

    name = "integrations.sinch"
    label = "integrations_sinch"
    verbose_name = "SMS via Sinch"

    def ready(self):
        from cms.http.routes import route_register

        route_register(name="sinch", prefix="api/automation/sms/sinch/", urls="integrations.sinch.urls", order=30)
        from integrations.sinch.openapi import openapi_parts_register

        openapi_parts_register()
