"""Shared by every test: the folder a test lives in decides which run it belongs to.

`make test-unit` runs `-m "not integration and not e2e"` on SQLite; `make test-integration`
runs `-m "integration or e2e"` against the services tests/services/start.sh starts. Marking
by folder means a test in tests/integration/ can never slip into the unit run by a
forgotten decorator.
"""

from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
MARK_BY_FOLDER = {"integration": "integration", "e2e": "e2e"}

# Benchmarks run only through `make bench`, which names tests/bench explicitly (pytest
# does not apply collect_ignore to paths given on its command line).
collect_ignore = ["bench"]


# tryfirst: the markers must be on the items before `-m` deselects by them.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        try:
            folder = item.path.resolve().relative_to(TESTS_DIR).parts[0]
        except ValueError:  # a test outside tests/, e.g. given by path
            continue
        if folder in MARK_BY_FOLDER:
            item.add_marker(MARK_BY_FOLDER[folder])


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches. Rolled-back tests reuse row ids, so a rendition or
    a built API answer cached under an id by one test would otherwise answer the next.
    Every configured cache, not only those this thread opened: Django's cache handles are
    per thread, and a test whose requests ran in threads (concurrency tests) filled a shared
    Redis cache (rate-limit windows) through handles the main thread never saw."""
    yield
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _fresh_brand():
    """The brand is remembered per process for a minute; rolled-back tests must not share it."""
    from cms.core.models.brand import brand_forget

    brand_forget()
    yield
    brand_forget()
