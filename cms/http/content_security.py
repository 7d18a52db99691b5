"""The backend's Content-Security-Policy: strict everywhere, with what the Wagtail admin needs on top.

django-csp writes `CONTENT_SECURITY_POLICY` (settings) on every answer: the API, the
fallback-rendered site, the HTML pages under /api/automation/ and the admin. Outside the
admin no script runs but our own files, and nothing is framed from or framing to another
origin. The Wagtail admin's widgets still write inline scripts (date pickers, inline
panels), its image and embed choosers show pictures and players from other sites, so
answers under the admin's address get `ADMIN_ADDITIONS` added to the policy; nothing
else does. An answer that sets its own policy (Wagtail's document serving) keeps it.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "img-src": ["https:"],
    "frame-src": ["https:"],
    "media-src": ["https:"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.update is None:
            parts.update = ADMIN_ADDITIONS
        return parts
