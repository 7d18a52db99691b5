from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "automation.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers and their milestone events"
