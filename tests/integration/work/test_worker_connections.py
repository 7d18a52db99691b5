"""A Celery worker keeps its PostgreSQL connection from task to task, and survives losing it.

The signals Celery sends around every task are sent here as a worker sends them, with
Celery's own Django fix-up installed as a worker installs it: without the reuse limit in
the settings, the fix-up closed every connection around every task.
"""

from __future__ import annotations

import pytest
from celery import signals
from celery.fixups.django import DjangoWorkerFixup
from celery.signals import task_postrun, task_prerun
from django.db import connection, connections

from automation.messages.tasks import send_message_chunk
from cms.celery import app

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def celery_django_fixup():
    """Celery's fix-up, as `celery worker` installs it; removed again after the test."""
    fixup = DjangoWorkerFixup(app).install()
    yield fixup
    signals.task_prerun.disconnect(fixup.on_task_prerun)
    signals.task_postrun.disconnect(fixup.on_task_postrun)
    signals.beat_embedded_init.disconnect(fixup.close_database)
    signals.worker_process_init.disconnect(fixup.on_worker_process_init)


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _run_task(body):
    """What a worker does around a task: the signals before and after, the task's queries in between."""
    task_prerun.send(sender=send_message_chunk, task_id="t", task=send_message_chunk, args=(), kwargs={})
    result = body()
    task_postrun.send(sender=send_message_chunk, task_id="t", task=send_message_chunk, args=(), kwargs={}, retval=None)
    return result


def test_consecutive_tasks_use_one_connection():
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    first = _run_task(_backend_pid)
    assert [_run_task(_backend_pid) for _ in range(3)] == [first] * 3


def test_a_connection_the_server_dropped_is_replaced_before_the_next_task():
    first = _run_task(_backend_pid)
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [first])
    finally:
        other.close()
    second = _run_task(_backend_pid)  # the health check finds the dead connection and opens a new one
    assert second != first
