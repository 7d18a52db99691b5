from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "cms.experiments"
    label = "experiments"
    verbose_name = "Experimenten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.experiments.algorithm_register import register_experiment_algorithms

        register_experiment_algorithms()  # the public algorithm register (cms.transparency)
