from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    name = "cms.readability"
    label = "readability"
    verbose_name = "Heldere taal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.readability import signals
        from cms.readability.algorithm_register import register_readability_algorithm

        signals.connect()
        register_readability_algorithm()  # the public algorithm register (cms.transparency)
