"""Relevance with the real model on the local backend (the Elasticsearch run is in tests/integration/search/)."""

import pytest

from search.backends.local import LocalBackend
from tests.search.relevance import RelevanceContract


class TestLocalRelevance(RelevanceContract):
    @pytest.fixture
    def make_backend(self, db):
        def make(**params):
            return LocalBackend("relevance", {"INDEX": "relevance", **params})

        return make
