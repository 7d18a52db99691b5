from django.apps import AppConfig


class AutomationApiConfig(AppConfig):
    """The automation plugin's HTTP endpoints: no models, listed to register its routes and its OpenAPI parts."""

    name = "automation.api"
    label = "automation_api"
    verbose_name = "Automation API"

    def ready(self):
        from automation.api.openapi import openapi_parts_register
        from cms.http.routes import route_register

        route_register(name="automation", prefix="api/automation/", urls="automation.api.urls", order=10)
        openapi_parts_register()
