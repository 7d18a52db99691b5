from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "automation.journeys"
    label = "journeys"
    verbose_name = "Journeys"

    def ready(self):
        from automation.journeys.signals import connect

        connect()
