from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "cms.themes"
    label = "themes"
