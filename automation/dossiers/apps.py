from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "automation.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers and their milestone events"

    def ready(self):
        from automation.dossiers.sweep import dossier_events_sweep
        from cms.work.sweep import register_sweeper

        register_sweeper("dossier_events", dossier_events_sweep)
