from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "automation.crisis"
    label = "crisis"
    verbose_name = "Crisisberichten"
