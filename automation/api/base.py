"""The base of the automation API's views: its 404s stay problem+json 404s.

Django's LocaleMiddleware would turn a 404 under /api/automation/ into a redirect to
`/nl/api/...` (Wagtail's page tree resolves every prefixed path); the content API's
`mark_api_request` tells it no locale prefix applies here.
"""

from __future__ import annotations

from django.views import View

from cms.api.urlconf import mark_api_request


class ApiView(View):
    def dispatch(self, request, *args, **kwargs):
        mark_api_request(request)
        return super().dispatch(request, *args, **kwargs)
