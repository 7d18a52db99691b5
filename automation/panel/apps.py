from django.apps import AppConfig


class PanelConfig(AppConfig):
    """The citizens' test panel and the pretests sent to it (issue 15, "Pretesting with citizens")."""

    name = "automation.panel"
    label = "panel"
    verbose_name = "Testpanel"

    def ready(self):
        from automation.panel.openapi import panel_openapi_register
        from cms.http.routes import route_register

        route_register(name="automation-panel", prefix="api/automation/panel/", urls="automation.panel.urls", order=9)
        panel_openapi_register()
