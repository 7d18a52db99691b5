"""The site's URL map without the locale-prefixed page tree, set on requests under /api/.

Django's LocaleMiddleware turns a 404 into a redirect to `/nl/<path>` whenever that
prefixed path would resolve, and Wagtail's page tree resolves every path, so an API 404
would become a 302 to an HTML page. Setting `request.urlconf` to this map tells the
middleware no locale-prefixed patterns apply here, and the problem+json 404 stands.
Every API view calls `mark_api_request` (or derives from `views.ApiView`, which does).
"""

from importlib import import_module

from django.conf import settings
from django.urls.resolvers import LocalePrefixPattern

API_PREFIX = "api/"  # every API address starts /api/: the content API, automation, the providers' callbacks


def _without_locale_prefix(patterns):
    return [p for p in patterns if not isinstance(getattr(p, "pattern", None), LocalePrefixPattern)]


def __getattr__(name):
    # Lazy (PEP 562): this module is imported while the root URLconf is still loading.
    if name == "urlpatterns":
        return _without_locale_prefix(import_module(settings.ROOT_URLCONF).urlpatterns)
    raise AttributeError(name)

URLCONF = __name__


def mark_api_request(request) -> None:
    # A DRF Request wraps the HttpRequest the middleware sees.
    getattr(request, "_request", request).urlconf = URLCONF
