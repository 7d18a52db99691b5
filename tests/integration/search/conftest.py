"""Elasticsearch backends for the search integration tests: one throwaway alias per test.

ELASTICSEARCH_URL comes from `make test` (tests/services/start.sh); tests/integration/
conftest.py stops the run when it is missing, and so does this fixture if called alone.
"""

import os
import uuid

import pytest

from search.backends.elasticsearch import ElasticsearchBackend


@pytest.fixture
def make_es_backend(db):
    """Backends on one throwaway alias (several, to change params such as the embedder)."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.fail("ELASTICSEARCH_URL is not set: run the integration tests through `make test`")
    alias = f"test-search-{uuid.uuid4().hex[:12]}"
    created = []

    def make(**params):
        backend = ElasticsearchBackend("test", {"URL": url, "INDEX": alias, "REFRESH": True, **params})
        created.append(backend)
        return backend

    yield make
    created[0].clear() if created else None
    for backend in created:
        backend.client.close()


@pytest.fixture
def es_backend(make_es_backend):
    return make_es_backend()
