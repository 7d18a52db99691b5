"""Kept search answers across processes: a worker's write to Elasticsearch drops the web's kept answers.

The index is written by Celery workers and read by web processes, so what makes a kept
answer stale happens in another process. Here the web side searches in this process, with
the Django cache on the real Redis (as CACHE_URL sets it in production); a second Python
process, configured as a worker is, indexes a page; the next search here finds it at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import cache
from django.db import connection

from search.query import SearchQuery
from tests.search.corpus import PARKING, WASTE

pytestmark = pytest.mark.integration
REPO_ROOT = Path(__file__).resolve().parents[3]
WRITER = """
import dataclasses, django, sys
django.setup()
from search.backends.elasticsearch import ElasticsearchBackend
from tests.search.corpus import PARKING
backend = ElasticsearchBackend("test", {"URL": sys.argv[1], "INDEX": sys.argv[2], "REFRESH": True})
backend.index_documents([dataclasses.replace(PARKING, id="nl-bewonerskaart-2", url="/nl/mobiliteit/tweede-kaart")])
"""


def _test_database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "vrijhaven"}}  # fmt: skip
    settings.SEARCH_ANSWER_SECONDS = 60
    yield cache
    cache.clear()


def test_a_page_a_worker_indexes_shows_in_the_web_process_next_search(transactional_db, make_es_backend, shared_cache):
    web = make_es_backend(EMBEDDER="search.embeddings.HashingEmbedder")
    web.index_documents([PARKING, WASTE])
    runs = []
    retrieve = web.retrieve
    web.retrieve = lambda plan: runs.append(plan) or retrieve(plan)
    query = SearchQuery("bewonerskaart", mode="keyword")
    assert [hit.id for hit in web.search(query).hits] == ["nl-bewonerskaart"]
    assert [hit.id for hit in web.search(query).hits] == ["nl-bewonerskaart"]
    assert len(runs) == 1  # the second answer came from Redis

    env = {**os.environ, "DATABASE_URL": _test_database_url(), "CACHE_URL": os.environ["REDIS_URL"],
           "SEARCH_EMBEDDER": "search.embeddings.HashingEmbedder", "DJANGO_SETTINGS_MODULE": "cms.settings.test",
           "PYTHONPATH": str(REPO_ROOT)}  # fmt: skip
    written = subprocess.run([sys.executable, "-c", WRITER, os.environ["ELASTICSEARCH_URL"], web.params["INDEX"]],
                             cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert written.returncode == 0, written.stderr[-3000:]

    assert sorted(hit.id for hit in web.search(query).hits) == ["nl-bewonerskaart", "nl-bewonerskaart-2"]
    assert len(runs) == 2
