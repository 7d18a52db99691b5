from django.apps import AppConfig


class QueryLogConfig(AppConfig):
    """The anonymous log of public searches and the admin report built on it."""

    name = "search.querylog"
    label = "search_querylog"
    verbose_name = "Zoekvragen"
    default_auto_field = "django.db.models.BigAutoField"
