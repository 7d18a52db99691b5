from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "automation.crisis"
    label = "crisis"
    verbose_name = "Crisisberichten"

    def ready(self):
        from automation.crisis.openapi import openapi_parts_register
        from cms.http.routes import route_register

        route_register(name="crisis", prefix="api/automation/crisis/", urls="automation.crisis.urls", order=20)
        openapi_parts_register()
