"""URL registration: each app mounts its own routes from its `AppConfig.ready`.

The root URL map (cms/urls.py) names no app: it places `registered_urlpatterns()` between
the admin and the page tree. So the content API, the automation plugin, the crisis banner
and each SMS provider mount their own endpoints, and no app imports another (one above it,
least of all) only to route to it.

    route_register(name="automation", prefix="api/automation/", urls="automation.api.urls", order=10)

`urls` is anything `django.urls.include` takes; a dotted module path keeps registering from
importing the views. Routes are placed by `order` (lower first, then by name); registering
a name again replaces it. After every registered route comes the catch-all: any other
address under /api/ (a newline in it too) is a problem+json 404, never the HTML site's
404 page or its redirect to a locale-prefixed page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import include, path, re_path

from cms.http.urlconf import API_PREFIX
from cms.http.views import api_not_found_view


@dataclass(frozen=True)
class Route:
    name: str
    prefix: str
    urls: object
    order: int


_routes: dict[str, Route] = {}


def route_register(*, name: str, prefix: str, urls, order: int = 100) -> None:
    _routes[name] = Route(name=name, prefix=prefix, urls=urls, order=order)


def registered_routes() -> list[Route]:
    return sorted(_routes.values(), key=lambda route: (route.order, route.name))


def registered_urlpatterns() -> list:
    """The registered routes in order, then the problem+json 404 for the rest of /api/."""
    patterns = [path(route.prefix, include(route.urls)) for route in registered_routes()]
    patterns.append(re_path(rf"^{API_PREFIX}", api_not_found_view))
    return patterns
