from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "cms.experiments"
    label = "experiments"
    verbose_name = "Experimenten"
    default_auto_field = "django.db.models.BigAutoField"
