from django.apps import AppConfig


class NeighbourhoodsConfig(AppConfig):
    name = "cms.neighbourhoods"
    label = "neighbourhoods"

    def ready(self):
        from cms.neighbourhoods.print.services import edition_prints_sweep
        from cms.neighbourhoods.print.signals import connect
        from cms.work.sweep import register_sweeper

        register_sweeper("edition_prints", edition_prints_sweep)
        connect()
