from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = "Vrijhaven content API"

    def ready(self):
        from cms.api import freshness

        freshness.connect()
