from django.apps import AppConfig


class PanelConfig(AppConfig):
    """The citizens' test panel and the pretests sent to it (issue 15, "Pretesting with citizens")."""

    name = "automation.panel"
    label = "panel"
    verbose_name = "Testpanel"

    def ready(self):
        from automation.panel.demo import demo_panel_install
        from automation.panel.openapi import panel_openapi_register
        from cms.http.routes import route_register
        from cms.importers.seed.contributions import demo_contribution_register

        route_register(name="automation-panel", prefix="api/automation/panel/", urls="automation.panel.urls", order=9)
        panel_openapi_register()
        demo_contribution_register(label="Automatisering: demo-testpanel en pretest", install=demo_panel_install)
