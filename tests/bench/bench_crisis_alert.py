"""Benchmark (b): a crisis alert to 10,000, 50,000 and 100,000 subscribers, by SMS, with real
Celery worker processes on Redis and PostgreSQL, against a local fake of Twilio's API.

Measured side by side in one run:
- messages per second from the alert's fan-out to the last text accepted, against a raw
  loop that only posts the same texts to the same fake (as many loops as workers: the
  limit of this machine for this provider);
- duplicates and losses, counted at the fake provider per recipient, and in the database;
- peak memory (VmHWM) of each fan-out process and of the workers after each audience
  size: flat means the 100,000 audience needs no more than the 10,000 one.
Figures are named by audience size (`..._100000`). BENCH_CRISIS_SCALE=0.2 runs the same
stages at a fifth of the size, for a quicker look on a busy machine.
Figures are printed first as name=value lines, the targets checked last: at least 1,000
messages per second, zero duplicates, zero lost, memory flat.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
from django.db import connection

from automation.contacts.models import ChannelConsent, Citizen, Subscription
from automation.crisis.models import CrisisAlert
from automation.messages.models import Message, MessageTemplate, TemplateContent
from cms.core.models import Wijk
from tests.integration.automation.fake_sms_server import FakeSmsServer

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = int(os.environ.get("BENCH_CRISIS_WORKERS", "2"))
# BENCH_CRISIS_SCALE=0.1 runs the same stages at a tenth of the size (a quick look); 1 is the benchmark.
SCALE = float(os.environ.get("BENCH_CRISIS_SCALE", "1"))
STAGES = [
    (f"{int(size * SCALE)}", int(size * SCALE), slugs)
    for size, slugs in ((10_000, ["bench-a"]), (50_000, ["bench-a", "bench-b"]), (100_000, []))
]
FIRST, LAST = STAGES[0][0], STAGES[-1][0]
WIJK_SIZES = {"bench-a": int(10_000 * SCALE), "bench-b": int(40_000 * SCALE), "bench-c": int(50_000 * SCALE)}
RAW_TEXTS = int(20_000 * SCALE)
TARGET_PER_SECOND = 1_000
FLAT = 1.25  # peak memory at 100k at most this times the peak at 10k
ACCOUNT = "ACbench"


def _database_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def _env(fake_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
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


def _start_workers(env: dict, log_dir: Path) -> list[subprocess.Popen]:
    workers = []
    for number in range(WORKERS):
        log_path = log_dir / f"bench-worker-{number}.log"
        command = [
            sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo", "--queues", "crisis",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO",
            "--hostname", f"bench-{uuid.uuid4().hex[:8]}@%h",
        ]  # fmt: skip
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


def _stop(workers) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _audience() -> None:
    """100,000 crisis subscribers with SMS consent, in three wijken (10k, 40k, 50k), by bulk insert."""
    at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    number = 0
    for slug, size in WIJK_SIZES.items():
        wijk, _ = Wijk.objects.get_or_create(slug=slug, defaults={"name": slug})
        for start in range(0, size, 5000):
            citizens = Citizen.objects.bulk_create(
                Citizen(ref=f"bench-{number + n}", phone=f"+3247{number + n:07d}", language=("nl", "fr", "en")[n % 3])
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


def _raw_loop(url: str, count: int, offset: int, results) -> None:
    session = requests.Session()
    endpoint = f"{url}/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    started = time.perf_counter()
    for n in range(count):
        response = session.post(
            endpoint,
            auth=(ACCOUNT, "token"),
            data={"To": f"+3249{offset + n:07d}", "From": "+3225550000", "Body": "Raw loop: blijf binnen.",
                  "StatusCallback": "http://testserver/sms/status/"},  # fmt: skip
            timeout=10,
        )
        assert response.status_code == 201
    results.put(time.perf_counter() - started)


def raw_rate(url: str) -> float:
    """Texts per second when nothing but the provider calls are made, in WORKERS parallel loops."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    per_loop = RAW_TEXTS // WORKERS
    loops = [context.Process(target=_raw_loop, args=(url, per_loop, n * per_loop, results)) for n in range(WORKERS)]
    started = time.perf_counter()
    for loop in loops:
        loop.start()
    for loop in loops:
        loop.join()
    elapsed = time.perf_counter() - started
    return per_loop * WORKERS / elapsed


def _fan_out(alert_id: int, env: dict) -> tuple[float, float]:
    """Run the fan-out task's body in a fresh process, as a worker would: (wall-clock start of the fan-out, peak RSS in MB).

    The start is taken after Django is set up: a worker is already running when an alert comes.
    """
    code = (
        "import django, pathlib, time; django.setup()\n"
        "from automation.crisis.fan_out import crisis_alert_fan_out\n"
        "print(f'started={time.time()}', flush=True)\n"
        f"crisis_alert_fan_out(alert_id={alert_id})\n"
        "line = [l for l in pathlib.Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:')][0]\n"
        "print('peak_kb=' + line.split()[1])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    values = dict(line.split("=", 1) for line in done.stdout.strip().splitlines() if "=" in line)
    return float(values["started"]), int(values["peak_kb"]) / 1024


def _wait_sent(alert: CrisisAlert, expected: int, fake: FakeSmsServer, accepted_before: int, workers) -> None:
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


def test_a_crisis_alert_to_100000_subscribers(transactional_db, tmp_path):
    if connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL", "").startswith("redis"):
        pytest.fail("benchmark (b) needs PostgreSQL and Redis: run it as `make bench` does (var/test-services/env)")
    fake = FakeSmsServer().start()
    workers = []
    try:
        env = _env(fake.url)
        raw = raw_rate(fake.url)
        raw_accepted = fake.stats()["accepted"]
        built = time.perf_counter()
        _audience()
        audience_seconds = time.perf_counter() - built
        workers = _start_workers(env, tmp_path)
        figures, rates = {}, {}
        for name, size, slugs in STAGES:
            template = MessageTemplate.objects.create(slug=f"bench-alarm-{name}", name=f"Bench alarm {name}")
            for language, text in {"nl": "Brand: blijf binnen.", "fr": "Incendie : restez à l'intérieur."}.items():
                TemplateContent.objects.create(template=template, channel="sms", language=language, body_text=f"{text} ({name})")
            alert = CrisisAlert.objects.create(title=f"bench {name}", template=template, channels=["sms"], status="confirmed")
            alert.wijken.set(Wijk.objects.filter(slug__in=slugs))
            before = fake.stats()["accepted"]
            started, figures[f"fan_out_peak_rss_mb_{name}"] = _fan_out(alert.pk, env)
            _wait_sent(alert, size, fake, before, workers)
            rates[name] = size / (time.time() - started)
            figures[f"messages_per_second_{name}"] = rates[name]
            figures[f"worker_peak_rss_mb_after_{name}"] = max(peak_rss_mb(w.pid) for w in workers)
        time.sleep(2)  # time for a late duplicate to show up
        stats = fake.stats()
        sent_rows = Message.objects.filter(crisis_alert__isnull=False, status="sent").count()
        expected = sum(size for _name, size, _slugs in STAGES)
    finally:
        _stop(workers)
        fake.stop()

    # Each stage has its own text, so a duplicate is a (number, text) pair accepted twice.
    accepted = stats["accepted"] - raw_accepted
    duplicates = stats["duplicates"]
    lost = (expected + raw_accepted) - stats["distinct"]
    print()
    print(f"crisis_alert_workers={WORKERS}")
    print(f"crisis_alert_scale={SCALE:g}")
    print(f"crisis_alert_audience_build_seconds={audience_seconds:.1f}")
    for key, value in figures.items():
        print(f"crisis_alert_{key}={value:.0f}" if "per_second" in key else f"crisis_alert_{key}={value:.1f}")
    print(f"crisis_alert_texts_accepted_by_provider={accepted}")
    print(f"crisis_alert_messages_sent_in_database={sent_rows}")
    print(f"crisis_alert_duplicates={duplicates}")
    print(f"crisis_alert_lost={lost}")
    print(f"crisis_alert_raw_provider_loop_per_second={raw:.0f}")
    print(f"crisis_alert_to_raw_loop_ratio={rates[LAST] / raw:.2f}")

    assert rates[LAST] >= TARGET_PER_SECOND, (
        f"{rates[LAST]:.0f} messages per second, target {TARGET_PER_SECOND} "
        f"(the raw provider loop alone reaches {raw:.0f} per second on this machine now)"
    )
    assert duplicates == 0, f"{duplicates} texts accepted twice"
    assert lost == 0 and accepted == expected, f"{accepted} texts accepted for {expected} messages"
    assert sent_rows == expected, f"{sent_rows} of {expected} messages recorded as sent"
    assert figures[f"worker_peak_rss_mb_after_{LAST}"] <= FLAT * figures[f"worker_peak_rss_mb_after_{FIRST}"]
    assert figures[f"fan_out_peak_rss_mb_{LAST}"] <= FLAT * figures[f"fan_out_peak_rss_mb_{FIRST}"]
