from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    name = "cms.readability"
    label = "readability"
    verbose_name = "Heldere taal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.readability import signals

        signals.connect()
