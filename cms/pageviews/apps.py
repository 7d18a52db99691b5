from django.apps import AppConfig


class PageViewsConfig(AppConfig):
    """Daily page-view counters fed by the citizen site's server, and where the admin shows them."""

    name = "cms.pageviews"
    label = "pageviews"
    verbose_name = "Bezoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.http.routes import route_register

        route_register(name="pageviews", prefix="api/pageviews/", urls="cms.pageviews.urls", order=40)
