from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "automation.crisis"
    label = "crisis"
    verbose_name = "Crisisberichten"

    def ready(self):
        from automation.crisis.demo import demo_crisis_install
        from automation.crisis.openapi import openapi_parts_register
        from automation.crisis.sweep import crisis_alerts_sweep
        from cms.http.routes import route_register
        from cms.importers.seed.contributions import demo_contribution_register
        from cms.work.sweep import register_sweeper

        route_register(name="crisis", prefix="api/automation/crisis/", urls="automation.crisis.urls", order=20)
        openapi_parts_register()
        register_sweeper("crisis_alerts", crisis_alerts_sweep)
        demo_contribution_register(
            label="Crisisberichten: een beëindigd demo-bericht (CAP-feed)", install=demo_crisis_install
        )
