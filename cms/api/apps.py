from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = "Vrijhaven content API"

    def ready(self):
        from cms.api import freshness, request_site
        from cms.api.openapi.registration import openapi_parts_register
        from cms.http.routes import route_register

        freshness.connect()
        request_site.connect()
        # Order 100: after the routes with longer /api/... prefixes, before the kernel's /api/ catch-all.
        route_register(name="content-api", prefix="api/", urls="cms.api.urls", order=100)
        openapi_parts_register()
