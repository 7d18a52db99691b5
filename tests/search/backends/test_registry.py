import pytest
from django.core.exceptions import ImproperlyConfigured

from search.backends import get_backend
from search.backends.local import LocalBackend


def test_alias_maps_to_the_configured_class(settings):
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.local.LocalBackend", "INDEX": "x"}}
    backend = get_backend()
    assert isinstance(backend, LocalBackend) and backend.index_name == "x"
    assert get_backend("default") is backend
    assert backend.describe() == {"alias": "default", "kind": "local", "embedder": "hashing-trigrams-384"}


def test_unknown_alias_or_class_is_a_configuration_error(settings):
    settings.SEARCH_BACKENDS = {"broken": {"BACKEND": "search.backends.nope.Backend"}}
    with pytest.raises(ImproperlyConfigured):
        get_backend("missing")
    with pytest.raises(ImproperlyConfigured):
        get_backend("broken")
