"""The ESP tracking webhooks are routed only when ANYMAIL_WEBHOOK_SECRET is set (else anyone could fake a bounce)."""

from django.apps import apps

from cms.http import routes


def test_the_esp_webhooks_are_routed_only_with_their_secret(settings, monkeypatch):
    monkeypatch.setattr(routes, "_routes", {})
    config = apps.get_app_config("integrations_anymail_tracking")
    settings.ANYMAIL = {}
    config.ready()
    assert routes.registered_routes() == []
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:s3cret"}
    config.ready()
    assert [(route.prefix, route.urls) for route in routes.registered_routes()] == [("api/automation/esp/", "anymail.urls")]
