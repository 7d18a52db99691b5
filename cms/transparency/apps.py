from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    """The algorithm register: its route, its part of the OpenAPI document and its change dates."""

    name = "cms.transparency"
    label = "transparency"
    verbose_name = "Algoritmeregister"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.http.routes import route_register
        from cms.transparency.openapi import openapi_parts_register

        route_register(name="transparency", prefix="api/transparency/", urls="cms.transparency.urls", order=40)
        openapi_parts_register()
