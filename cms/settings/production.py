"""Production: everything from the environment, safe defaults for what a city must get right, and refusals.

Refused at start-up, naming the variable: the embedded SECRET_KEY, an unset ALLOWED_HOSTS
or one that accepts any host, a CSRF_TRUSTED_ORIGINS entry that is not an origin, a proxy
header that is not a header name. Defaults that hold unless the environment says
otherwise: HTTPS redirect, secure and HTTP-only cookies, HSTS for a year, Django's own
security headers (base.py: CSP, nosniff, Referrer-Policy, framing by our own pages only).
See README.md, "Production: security settings".
"""

import os
import re

from .base import *  # noqa: F401,F403 -- the settings module pattern Django documents
from .base import AUTOMATION_WEBHOOK_SECRET, PAGEVIEWS_SECRET, SECRET_KEY
from .env import InvalidSetting, env_bool, env_int, env_str

if SECRET_KEY.startswith("insecure-"):
    raise InvalidSetting("SECRET_KEY", "<embedded default>", "a secret of your own in production")
if AUTOMATION_WEBHOOK_SECRET.startswith("insecure-"):
    # The demo secret is public: without a secret of its own, the events endpoint refuses every event.
    AUTOMATION_WEBHOOK_SECRET = ""
if PAGEVIEWS_SECRET.startswith("insecure-"):
    # Likewise for the page-view batches of the citizen site's server: refused without a secret of its own.
    PAGEVIEWS_SECRET = ""

# The host names this site answers to; any other Host header is a 400. No default in production.
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise InvalidSetting("ALLOWED_HOSTS", "", "your host names, comma-separated (e.g. api.stad.gent,cms.stad.gent)")
if "*" in ALLOWED_HOSTS:  # noqa: F405 -- read by base.py from the environment
    raise InvalidSetting("ALLOWED_HOSTS", os.environ["ALLOWED_HOSTS"], "host names, not '*' (any host)")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind a TLS-terminating proxy that sets this header (and strips it from clients): name it,
# e.g. X-Forwarded-Proto. Empty when Django itself faces the clients: then no header is trusted.
_proxy_header = env_str("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto")
if _proxy_header and not re.fullmatch(r"[A-Za-z0-9-]+", _proxy_header):
    raise InvalidSetting("SECURE_PROXY_SSL_HEADER", _proxy_header, "a header name such as X-Forwarded-Proto, or empty")
SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https") if _proxy_header else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
