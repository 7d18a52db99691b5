"""The shared backend contract, run against the local (SQLite + numpy) backend."""

import pytest

from search.backends.local import LocalBackend
from tests.search.backends.contract import SearchBackendContract


class TestLocalBackend(SearchBackendContract):
    @pytest.fixture
    def make_backend(self, db):
        def make(**params):
            return LocalBackend("test", {"INDEX": "contract-test", **params})

        yield make
        make().clear()
