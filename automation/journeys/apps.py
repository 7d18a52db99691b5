from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "automation.journeys"
    label = "journeys"
    verbose_name = "Journeys"
