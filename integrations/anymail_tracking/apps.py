from django.apps import AppConfig


class AnymailTrackingConfig(AppConfig):
    name = "integrations.anymail_tracking"
    label = "integrations_anymail_tracking"
    verbose_name = "ESP tracking (anymail)"

    def ready(self):
        from integrations.anymail_tracking import receivers  # noqa: F401 -- connects the signal receiver
