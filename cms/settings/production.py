"""Production: everything from the environment, and refuse the embedded secret."""

from .base import *  # noqa: F401,F403 -- the settings module pattern Django documents
from .base import AUTOMATION_WEBHOOK_SECRET, SECRET_KEY
from .env import InvalidSetting, env_bool, env_int

if SECRET_KEY.startswith("insecure-"):
    raise InvalidSetting("SECRET_KEY", "<embedded default>", "a secret of your own in production")
if AUTOMATION_WEBHOOK_SECRET.startswith("insecure-"):
    # The demo secret is public: without a secret of its own, the events endpoint refuses every event.
    AUTOMATION_WEBHOOK_SECRET = ""

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
