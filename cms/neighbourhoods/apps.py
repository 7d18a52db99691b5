from django.apps import AppConfig


class NeighbourhoodsConfig(AppConfig):
    name = "cms.neighbourhoods"
    label = "neighbourhoods"
