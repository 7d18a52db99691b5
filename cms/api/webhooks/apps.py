from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "cms.api.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks naar front ends"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api.webhooks import signals
        from cms.api.webhooks.sweep import deliveries_sweep
        from cms.work.sweep import register_sweeper

        signals.connect()
        register_sweeper("webhook_deliveries", deliveries_sweep)
