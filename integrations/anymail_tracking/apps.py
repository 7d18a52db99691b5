from django.apps import AppConfig
from django.conf import settings


class AnymailTrackingConfig(AppConfig):
    name = "integrations.anymail_tracking"
    label = "integrations_anymail_tracking"
    verbose_name = "ESP tracking (anymail)"

    def ready(self):
        from cms.http.routes import route_register
        from integrations.anymail_tracking import receivers  # noqa: F401 -- connects the signal receiver

        # Routed only when ANYMAIL_WEBHOOK_SECRET is set: an unauthenticated endpoint would let
        # anyone suppress any address with a fake bounce.
        if settings.ANYMAIL.get("WEBHOOK_SECRET"):
            route_register(name="anymail", prefix="api/automation/esp/", urls="anymail.urls", order=40)
