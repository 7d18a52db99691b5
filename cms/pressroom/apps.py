from django.apps import AppConfig


class PressroomConfig(AppConfig):
    name = "cms.pressroom"
    label = "pressroom"
