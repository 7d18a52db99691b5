"""Queueing a task by its name: eager mode still runs it in the calling process, and an unknown name fails at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from celery import current_app, shared_task
from django.conf import settings

from cms.work.enqueue import UnknownTask, enqueue, registered_task
from tests.cms.work.recording import Enqueued, record_enqueued

REPO_ROOT = Path(__file__).resolve().parents[3]
ran_in: list[tuple[int, int]] = []


@shared_task(name="tests.work.add")
def add(left: int, right: int) -> int:
    ran_in.append((os.getpid(), threading.get_ident()))
    return left + right


@pytest.fixture(autouse=True)
def _forget_runs():
    ran_in.clear()


def test_without_a_broker_the_task_runs_in_the_calling_process_before_enqueue_returns():
    assert settings.CELERY_TASK_ALWAYS_EAGER  # the embedded default: no CELERY_BROKER_URL
    result = enqueue("tests.work.add", 2, 3, queue="default")
    assert ran_in == [(os.getpid(), threading.get_ident())]
    assert result.get() == 5


def test_the_queue_and_the_countdown_reach_the_task_and_unset_options_stay_unset(monkeypatch):
    calls = record_enqueued(monkeypatch, "tests.work.add")
    enqueue("tests.work.add", 1, 2, queue="bulk", countdown=30)
    enqueue("tests.work.add", 3, 4)
    assert calls == [Enqueued(args=(1, 2), queue="bulk", countdown=30), Enqueued(args=(3, 4))]
    assert ran_in == []


def test_an_unknown_task_name_fails_at_enqueue_and_nothing_is_published(monkeypatch):
    published = []
    monkeypatch.setattr(current_app, "send_task", lambda *args, **kwargs: published.append(args))
    with pytest.raises(UnknownTask, match="automation.send_mesage"):
        enqueue("automation.send_mesage", 1, queue="messages")  # a typo
    assert published == []


def test_a_process_that_imported_no_task_module_finds_every_task_by_name():
    """The web server and the demo never import task modules: the first name they ask for runs autodiscovery."""
    names = [
        "automation.send_message",
        "automation.send_message_chunk",
        "automation.fan_out_crisis_alert",
        "automation.process_dossier_event",
        "automation.contacts.send_confirmation_mail",
        "automation.journeys_page_published",
        "automation.journeys_subscription_confirmed",
        "webhooks.deliver",
        "search.sync_pages",
        "work.sweep",
    ]
    code = (
        "import sys, django; django.setup()\n"
        "assert not [m for m in sys.modules if m.endswith('.tasks') and m.split('.')[0] in ('automation', 'cms', 'search')]\n"
        "from cms.work.enqueue import registered_task\n"
        f"print(sorted(registered_task(name).name for name in {names!r}))\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL")
    }
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == repr(sorted(names))

