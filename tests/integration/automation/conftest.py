"""Real Celery worker processes on the Redis broker and the PostgreSQL test database, and a fake SMS provider.

The worker runs the project's own tasks with settings from the environment, pointed at
pytest-django's test database (tests use `transactional_db`, so the worker sees committed
rows) and at the fake Twilio. It listens on the queues automation uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from tests.integration.automation.fake_twilio import FakeTwilio

REPO_ROOT = Path(__file__).resolve().parents[3]
WORKER_START = 90  # seconds: Django start-up in a fresh process on two shared cores


@pytest.fixture
def fake_twilio():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture
def provider_env(settings, fake_twilio):
    """Settings for this process and the environment for workers: SMS through the fake Twilio."""
    values = {
        "AUTOMATION_SMS_BACKEND": "automation.channels.sms_failover.FailoverSmsBackend",
        "AUTOMATION_SMS_PROVIDERS": "twilio:1",
        "TWILIO_ACCOUNT_SID": "ACtest",
        "TWILIO_AUTH_TOKEN": "token",
        "TWILIO_FROM": "+3225550000",
        "TWILIO_VOICE_FROM": "+3292101010",
        "AUTOMATION_VOICE_BACKEND": "integrations.twilio.voice.TwilioVoiceBackend",
        "TWILIO_API_BASE": fake_twilio.url,
        "AUTOMATION_SEND_RETRY_BACKOFF": "1",
        "AUTOMATION_SMS_QUIET_HOURS": "",
        "AUTOMATION_WEBHOOK_SECRET": "reliability-secret",
        "AUTOMATION_PUBLIC_BASE_URL": "https://gent.example",  # what callbacks are signed for, in every process
    }
    for name, value in values.items():
        setattr(settings, name, ["twilio:1"] if name == "AUTOMATION_SMS_PROVIDERS" else value)
    settings.AUTOMATION_SEND_RETRY_BACKOFF = 1
    return values


def _test_database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.fixture
def start_worker(transactional_db, provider_env, tmp_path):
    """start_worker(**env) -> process; every worker started is stopped (or killed) at the end."""
    workers = []

    def start(**extra_env):
        log_path = tmp_path / f"worker-{len(workers)}.log"
        env = {
            **os.environ,
            **provider_env,
            **extra_env,
            "DATABASE_URL": _test_database_url(),
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "PYTHONPATH": str(REPO_ROOT),
        }
        command = [
            sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo",
            "--queues", "crisis,messages,default,bulk", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "--hostname", f"auto-{uuid.uuid4().hex[:8]}@%h", "--loglevel", "INFO",
        ]  # fmt: skip
        with open(log_path, "w") as log:
            worker = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        worker.log_path = log_path
        workers.append(worker)
        _wait_ready(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def _wait_ready(worker) -> None:
    deadline = time.monotonic() + WORKER_START
    while "ready." not in worker.log_path.read_text():
        if worker.poll() is not None:
            pytest.fail(f"worker exited with {worker.returncode}:\n{worker.log_path.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"worker not ready after {WORKER_START}s:\n{worker.log_path.read_text()}")
        time.sleep(0.3)


def wait_until(condition, *, timeout: float = 60, worker=None, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        if worker is not None and worker.poll() is not None:
            pytest.fail(f"worker exited with {worker.returncode}:\n{worker.log_path.read_text()}")
        if time.monotonic() > deadline:
            log = worker.log_path.read_text()[-4000:] if worker is not None else ""
            pytest.fail(f"timed out waiting for {what}\n{log}")
        time.sleep(0.2)
