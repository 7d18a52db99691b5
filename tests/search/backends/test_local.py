"""The shared backend contract, run against the local (SQLite + numpy) backend."""

import pytest

from search.backends.local import LocalBackend
from tests.search.backends.contract import SearchBackendContract


class TestLocalBackend(SearchBackendContract):
    @pytest.fixture
    def backend(self, db):
        backend = LocalBackend("test", {"INDEX": "contract-test"})
        yield backend
        backend.clear()
