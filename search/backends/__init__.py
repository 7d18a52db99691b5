"""Search backends by alias, as Wagtail does it: SEARCH_BACKENDS maps an alias to a class and its params.

    SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.local.LocalBackend", "INDEX": "pages"}}

`get_backend("default")` returns one instance per alias and process; changing the setting
(as tests do with `settings`) drops the cached instances.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from .base import BaseSearchBackend

DEFAULT_BACKENDS = {"default": {"BACKEND": "search.backends.local.LocalBackend", "INDEX": "pages"}}

_instances: dict[str, BaseSearchBackend] = {}


def backend_settings() -> dict:
    return getattr(settings, "SEARCH_BACKENDS", None) or DEFAULT_BACKENDS


def get_backend(alias: str = "default") -> BaseSearchBackend:
    if alias not in _instances:
        config = backend_settings().get(alias)
        if config is None:
            raise ImproperlyConfigured(f"SEARCH_BACKENDS has no backend named {alias!r}")
        params = dict(config)
        try:
            backend_class = import_string(params.pop("BACKEND"))
        except (KeyError, ImportError) as error:
            raise ImproperlyConfigured(f"SEARCH_BACKENDS[{alias!r}]: cannot load BACKEND ({error})") from error
        _instances[alias] = backend_class(alias, params)
    return _instances[alias]


def reset_backends(**kwargs) -> None:
    if kwargs.get("setting") in (None, "SEARCH_BACKENDS", "SEARCH_EMBEDDER"):
        _instances.clear()


setting_changed.connect(reset_backends)
