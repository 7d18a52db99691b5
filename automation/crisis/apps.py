from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "automation.crisis"
    label = "crisis"
    verbose_name = "Crisisberichten"

    def ready(self):
        from automation.crisis.openapi import openapi_parts_register
        from automation.crisis.sweep import crisis_alerts_sweep
        from cms.http.routes import route_register
        from cms.work.sweep import register_sweeper

        route_register(name="crisis", prefix="api/automation/crisis/", urls="automation.crisis.urls", order=20)
        openapi_parts_register()
        register_sweeper("crisis_alerts", crisis_alerts_sweep)
