"""Fixtures for search tests on real Wagtail pages: the content hub's page tree, committed
(so its pages are indexed, as after a real request), and the default backend (local, with
the hashing embedder in tests) that index maintenance writes to."""

import pytest

from search.backends import get_backend
from search.query import SearchQuery
from tests.cms import conftest as cms_fixtures

home = cms_fixtures.home
locales = cms_fixtures.locales
add_page = cms_fixtures.add_page
build_tree = cms_fixtures.tree.__wrapped__


@pytest.fixture
def index(db):
    """The backend publishing writes to (SEARCH_BACKENDS "default": the local backend in tests)."""
    backend = get_backend("default")
    yield backend
    backend.clear()


@pytest.fixture
def tree(home, index, django_capture_on_commit_callbacks):
    """One live page of every type (see tests/cms/conftest.py), its commit run: all indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        return build_tree(home)


def found(backend, text: str, **query) -> dict[str, str]:
    """Page id -> URL of what a keyword search for `text` finds."""
    results = backend.search(SearchQuery(text, mode="keyword", page_size=50, **query))
    return {hit.id: hit.url for hit in results.hits}
