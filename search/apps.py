from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Public search: backends by alias, embeddings and the vector cache."""

    name = "search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexing
        from .algorithm_register import register_search_algorithms

        indexing.connect()  # the index follows publish, unpublish, move and delete
        register_search_algorithms()  # the public algorithm register (cms.transparency)
