"""Integration tests talk to the real PostgreSQL, Redis and Elasticsearch `make test` starts.

Without them these tests must not quietly pass on SQLite or skip: the run stops with a
message saying what is missing and how to get it.
"""

import os

import pytest

REQUIRED = {
    "DATABASE_URL": "a postgres:// URL",
    "REDIS_URL": "a redis:// URL",
    "ELASTICSEARCH_URL": "an http:// URL",
}


def missing_services() -> list[str]:
    problems = []
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        problems.append(f"DATABASE_URL must be {REQUIRED['DATABASE_URL']}, got {database_url or 'nothing'!r}")
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        if not os.environ.get(name):
            problems.append(f"{name} must be {REQUIRED[name]}, it is unset")
    return problems


# After `-m` has deselected: a unit run that merely collects this folder is not stopped.
def pytest_collection_finish(session):
    if not any(item.get_closest_marker("integration") for item in session.items):
        return
    problems = missing_services()
    if problems:
        pytest.exit(
            "integration tests selected but the real services are not configured:\n  - "
            + "\n  - ".join(problems)
            + "\nRun them with `make test` (or `make services-up`, then "
            "`set -a; source var/test-services/env; set +a` before pytest).",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


@pytest.fixture
def transactional_db(transactional_db, django_db_serialized_rollback):
    """pytest-django's `transactional_db`, with the rows migrations create put back first.

    A transactional test ends by emptying every table, and the rows data migrations made go
    with them: Wagtail's root page and root collection, the default locale and site, the
    plain-language glossary. A later test that seeds the demo or serves the site (the API
    fuzzer) would then meet a database no real site ever has. With serialized rollback the
    migrated contents are restored before each of these tests, and the emptying no longer
    re-creates content types and permissions under new ids behind them.
    """
