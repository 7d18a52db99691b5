from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "automation.crisis"
    label = "crisis"
    verbose_name = "Crisisberichten"

    def ready(self):
        from automation.crisis.sweep import crisis_alerts_sweep
        from cms.work.sweep import register_sweeper

        register_sweeper("crisis_alerts", crisis_alerts_sweep)
