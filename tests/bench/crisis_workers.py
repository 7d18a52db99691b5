"""What the crisis benchmarks share: real Celery workers on the `crisis` queue, the settings
they run with (PostgreSQL's test database, Redis, SMS through the fast fake of Twilio's API),
an audience of SMS crisis subscribers built by bulk insert, and waiting until the fake has
accepted every text. Used by bench_crisis_alert.py (the fan-out alone, at three sizes) and
bench_crisis_spike.py (the fan-out while citizens crowd the site).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from automation.contacts.models import ChannelConsent, Citizen, Subscription
from automation.messages.models import Message
from cms.core.models import Wijk

REPO_ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "ACbench"


def database_url() -> str:
    """DATABASE_URL pointing at the test database pytest-django made (what other processes must use)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def worker_env(fake_url: str) -> dict:
    """The environment of a worker (or any process of the app) sending SMS through the fake at `fake_url`."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "PYTHONPATH": str(REPO_ROOT),
        "AUTOMATION_SMS_BACKEND": "automation.channels.sms_failover.FailoverSmsBackend",
        "AUTOMATION_SMS_PROVIDERS": "twilio:1",
        "TWILIO_ACCOUNT_SID": ACCOUNT,
        "TWILIO_AUTH_TOKEN": "token",
        "TWILIO_FROM": "+3225550000",
        "TWILIO_API_BASE": fake_url,
        "AUTOMATION_SMS_QUIET_HOURS": "",
    }


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_workers(env: dict, log_dir: Path, count: int, *, include: tuple[str, ...] = ()) -> list[subprocess.Popen]:
    """`count` Celery worker processes (solo pool) on the `crisis` queue, once each says it is ready.

    `include`: further task modules to load (bench-only tasks, e.g. `tests.bench.crisis_ceiling`).
    """
    workers = []
    for number in range(count):
        log_path = log_dir / f"bench-worker-{number}.log"
        command = [
            sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo", "--queues", "crisis",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO",
            "--hostname", f"bench-{uuid.uuid4().hex[:8]}@%h",
        ] + (["--include", ",".join(include)] if include else [])  # fmt: skip
        with open(log_path, "w") as log:
            worker = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        worker.log_path = log_path
        workers.append(worker)
    deadline = time.monotonic() + 120
    for worker in workers:
        while "ready." not in worker.log_path.read_text():
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"worker did not start:\n{worker.log_path.read_text()[-3000:]}")
            time.sleep(0.3)
    return workers


def stop(processes) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def build_audience(wijk_sizes: dict[str, int], phone_prefix: str = "+3247") -> None:
    """Crisis subscribers with SMS consent, `size` in each wijk `slug`, by bulk insert (numbers never repeat).

    Numbers are `phone_prefix` and seven digits: keep them apart from other citizens in the
    database (the demo seed's are +32470000101...), or the fake counts their texts as duplicates.
    """
    at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    number = 0
    for slug, size in wijk_sizes.items():
        wijk, _ = Wijk.objects.get_or_create(slug=slug, defaults={"name": slug})
        for start in range(0, size, 5000):
            citizens = Citizen.objects.bulk_create(
                Citizen(ref=f"bench-{number + n}", phone=f"{phone_prefix}{number + n:07d}", language=("nl", "fr", "en")[n % 3])
                for n in range(min(5000, size - start))
            )
            number += len(citizens)
            ChannelConsent.objects.bulk_create(
                ChannelConsent(citizen=c, channel="sms", granted=True, recorded_at=at, source="bench") for c in citizens
            )
            Subscription.objects.bulk_create(
                Subscription(citizen=c, kind=Subscription.Kind.CRISIS, wijk=wijk, status=Subscription.Status.ACTIVE)
                for c in citizens
            )


def wait_sent(alert, expected: int, fake, accepted_before: int, workers) -> None:
    """Until the fake has accepted `expected` more texts and no message of `alert` is still on its way."""
    patience = 120 + expected / 100  # generous: a busy machine is slow, a stuck broadcast is stuck
    deadline = time.monotonic() + patience
    while fake.stats()["accepted"] - accepted_before < expected:
        for worker in workers:
            if worker.poll() is not None:
                pytest.fail(f"worker exited:\n{worker.log_path.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"only {fake.stats()['accepted'] - accepted_before} of {expected} texts after {patience:.0f} s")
        time.sleep(0.2)
    while Message.objects.filter(crisis_alert=alert, status__in=["created", "sending"]).exists():
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
