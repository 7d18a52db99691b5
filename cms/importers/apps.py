from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "cms.importers"
    label = "importers"
