"""Local development and `make demo`: DEBUG on unless the environment says otherwise."""

from .base import *  # noqa: F401,F403 -- the settings module pattern Django documents
from .env import env_bool

DEBUG = env_bool("DJANGO_DEBUG", default=True)
