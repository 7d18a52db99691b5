"""The kernel's own views: a base for API views, and the problem+json 404 for any other /api/ path.

Both mark the request as an API request (urlconf.py), so LocaleMiddleware leaves their 404
alone instead of redirecting it to the Dutch site.
"""

from __future__ import annotations

from django.views import View
from django.views.decorators.csrf import csrf_exempt

from cms.http.problems import not_found, problem_response
from cms.http.urlconf import mark_api_request


class ApiView(View):
    """A class-based API view whose 404s stay problem+json 404s."""

    def dispatch(self, request, *args, **kwargs):
        mark_api_request(request)
        return super().dispatch(request, *args, **kwargs)


@csrf_exempt  # nothing here changes state: a DELETE to an unknown address is a 404 too, not a CSRF page
def api_not_found_view(request, *args, **kwargs):
    """Any address under /api/ that no app registered: a 404 problem, whatever the method."""
    mark_api_request(request)
    return problem_response(not_found("No API endpoint at this address."))
