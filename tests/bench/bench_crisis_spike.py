"""Benchmark: the crisis-day spike (issue 12). When an alert goes out, everyone opens the site
at once. While a 50,000-recipient SMS alert fans out on real Celery workers (PostgreSQL,
Redis, the fast fake of Twilio's API: tests/bench/crisis_workers.py), 200 concurrent
citizens crowd the citizen site for 60 seconds on the loopback: the home page with the
crisis banner, a theme page and the search page, and the active-alert API the apps poll.
The site is served as in production: the front end (`node frontend/server/main.mjs`, one
process) on the backend under gunicorn with several workers sharing `CACHE_URL` (Redis),
search on Elasticsearch.

Measured side by side in one run, in this order:
1. the fan-out alone: texts the fake accepted per second in the first SECONDS after the
   alert was confirmed (or until the last text, if sooner);
2. the site alone (the first alert's banner up): requests per second, p50/p95 latency and
   errors (refused or broken connections, timeouts, any answer not 2xx/3xx);
3. both at once: a second alert to the same 50,000 is confirmed as the crowd arrives;
   the same figures for each side.
Printed as name=value lines, the ratios last. Target (printed, not asserted on time): 0
errors, and neither side below half of its rate alone. Asserted: no error, no text lost or
sent twice.

The load generator is wrk (Debian's package; tests/services/install.sh installs it) with
tests/bench/citizens.lua: a C event loop that keeps exactly the given number of connections
open and measures latency without taking the cores the servers need, which a Python client
would on this two-core machine. 150 connections browse the site, 50 poll the API
(BENCH_SPIKE_SITE_CITIZENS, BENCH_SPIKE_API_CITIZENS). Each is a citizen: they all arrive at
once, then read each answer for 1 to 9 seconds before the next click (BENCH_SPIKE_THINK_MS,
"1000-9000"), and an app polls the alert API every 4 to 6 seconds (BENCH_SPIKE_POLL_MS; the
signage player polls every 15). A citizen who waits longer for a page clicks less often, so
a slow site shows as a lower rate and a higher p95. "0" for both asks back to back: then
each side alone fills both cores, and the run measures capacity, not citizens.

BENCH_SPIKE_SCALE=0.2 runs it at a fifth of the size and time (10,000 texts, 12 seconds),
for a quick look; 1 is the benchmark. BENCH_CRISIS_WORKERS (2) Celery workers,
BENCH_SPIKE_WEB_WORKERS (3) gunicorn workers.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection

from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.models import CrisisAlert
from automation.crisis.services import crisis_alert_confirm, crisis_alert_request
from automation.messages.models import Message
from cms import celery_app
from cms.core.models import Wijk
from search.backends import get_backend
from tests.bench.crisis_workers import REPO_ROOT, build_audience, start_workers, stop, wait_sent, worker_env
from tests.e2e.processes import serve
from tests.integration.automation.fake_sms_server import FakeSmsServer

SCALE = float(os.environ.get("BENCH_SPIKE_SCALE", "1"))
RECIPIENTS = int(50_000 * SCALE)
SECONDS = max(5, round(60 * SCALE))
SITE_CITIZENS = int(os.environ.get("BENCH_SPIKE_SITE_CITIZENS", "150"))
API_CITIZENS = int(os.environ.get("BENCH_SPIKE_API_CITIZENS", "50"))
# Milliseconds a citizen reads an answer before the next click, and an app waits between two
# polls of the alert API (a random pause in the range; "0": none, asking back to back).
SITE_THINK_MS = os.environ.get("BENCH_SPIKE_THINK_MS", "1000-9000")
API_POLL_MS = os.environ.get("BENCH_SPIKE_POLL_MS", "4000-6000")
LONGEST_PAUSE_MS = max(int(ms) for ms in f"{SITE_THINK_MS}-{API_POLL_MS}".split("-") if ms)
KEEP_ALIVE_SECONDS = 2 + LONGEST_PAUSE_MS // 1000  # gunicorn's default (2) past the longest pause
CELERY_WORKERS = int(os.environ.get("BENCH_CRISIS_WORKERS", "2"))
WEB_WORKERS = int(os.environ.get("BENCH_SPIKE_WEB_WORKERS", "3"))
WRK_THREADS = 2
LUA = Path(__file__).with_name("citizens.lua")
FRONTEND = REPO_ROOT / "frontend"
CLIENT_KEY = "bench-spike-frontend"
SITE_PATHS = [
    "/nl",
    "/nl/themas/grof-huisvuil-laten-ophalen",
    "/nl/zoeken?q=grof+huisvuil",
    "/nl",
    "/nl/themas/recyclagepark-ivago",
    "/nl/zoeken?q=evacuatie",
]
API_PATHS = ["/api/automation/crisis/active/?lang=nl", "/api/automation/crisis/active/?lang=fr&wijk=bench-spike"]
HALF = 0.5
BANNER = "Brand in de haven"


def _app_env(fake_url: str, index: str) -> dict:
    """The backend's environment: the test database, Redis as broker and shared cache, ES, the fake SMS provider."""
    return {
        **worker_env(fake_url),
        "CACHE_URL": os.environ["REDIS_URL"],
        "ELASTICSEARCH_INDEX": index,
        "SEARCH_EMBEDDER": "search.embeddings.HashingEmbedder",
        "CONTENT_API_CLIENT_KEYS": CLIENT_KEY,
        "DJANGO_DEBUG": "false",
        "LOG_LEVEL": "WARNING",  # not a log line per Elasticsearch request
    }


@contextmanager
def _running(generator):
    """A `serve()` generator as a context manager: its base URL while it runs, stopped after."""
    try:
        yield next(generator)
    finally:
        generator.close()


def _backend(env: dict, log_dir: Path):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(WEB_WORKERS), "--worker-class", "gthread", "--threads", "4",
        "--timeout", "120", "--graceful-timeout", "5",
        # Idle connections kept longer than a citizen's longest pause: with the default 2 s the
        # server closes them while the citizen reads, and wrk, unlike a browser, counts its
        # next request on the closed connection as an error instead of asking again.
        "--keep-alive", str(KEEP_ALIVE_SECONDS),
    ]  # fmt: skip
    return _running(serve(command, cwd=REPO_ROOT, env=env, log_path=log_dir / "gunicorn.log",
                          ready_url=f"{base_url}/api/automation/crisis/active/", base_url=base_url))  # fmt: skip


def _frontend(api_url: str, log_dir: Path):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "VRIJHAVEN_API_URL": api_url, "VRIJHAVEN_API_KEY": CLIENT_KEY, "HOST": "127.0.0.1",
           "PORT": str(port), "NODE_ENV": "production", "ASTRO_TELEMETRY_DISABLED": "1"}  # fmt: skip
    return _running(serve(["node", "server/main.mjs"], cwd=FRONTEND, env=env, log_path=log_dir / "frontend.log",
                          ready_url=f"{base_url}/nl", base_url=base_url))  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wrk(base_url: str, paths: list[str], connections: int, seconds: int, think_ms: str) -> subprocess.Popen:
    command = ["wrk", "--latency", "-t", str(min(WRK_THREADS, connections)), "-c", str(connections),
               "-d", f"{seconds}s", "--timeout", "30s", "-s", str(LUA), base_url]  # fmt: skip
    env = {**os.environ, "WRK_PATHS": "|".join(paths), "WRK_THINK_MS": think_ms}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _figures(process: subprocess.Popen) -> dict[str, float]:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output
    values = dict(line.split("=", 1) for line in output.splitlines() if "=" in line and " " not in line)
    figures = {name: float(value) for name, value in values.items()}
    figures["errors"] = sum(figures.pop(name) for name in list(figures) if name.startswith("errors_"))
    figures["per_second"] = figures["requests"] / figures["seconds"]
    return figures


def crowd(site_url: str, api_url: str, seconds: int) -> dict[str, dict[str, float]]:
    """The citizens on the site and on the API at once for `seconds`; wrk's figures for each."""
    site = _wrk(site_url, SITE_PATHS, SITE_CITIZENS, seconds, SITE_THINK_MS)
    api = _wrk(api_url, API_PATHS, API_CITIZENS, seconds, API_POLL_MS)
    return {"site": _figures(site), "api": _figures(api)}


class Progress:
    """Texts the fake has accepted, sampled every 0.2 s in a thread, to time the fan-out."""

    def __init__(self, fake: FakeSmsServer):
        self.fake = fake
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.samples.append((time.monotonic(), self.fake.stats()["accepted"]))
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def rate(self, *, since: float, before: int, expected: int, window: float) -> float:
        """Texts per second from `since` until all `expected` were accepted or `window` seconds passed."""
        end = since + window
        for at, accepted in self.samples:
            if at >= since and (accepted - before >= expected or at >= end):
                return (accepted - before) / (at - since)
        at, accepted = self.samples[-1]
        return (accepted - before) / (at - since)


def _editors():
    """Two people with the crisis permission: one requests, the other confirms (the two-person rule)."""
    permission = Permission.objects.get(codename="send_crisisalert")
    users = []
    for name in ("bench-vraagt", "bench-bevestigt"):
        user = get_user_model().objects.create_user(username=f"{name}-{uuid.uuid4().hex[:6]}", password=uuid.uuid4().hex)
        user.user_permissions.add(permission)
        users.append(get_user_model().objects.get(pk=user.pk))  # fresh permission cache
    return users


def _alert(title: str, requester, confirmer) -> CrisisAlert:
    """Composed, requested and confirmed as the admin does; the fan-out is queued to the workers on confirmation."""
    alert = crisis_alert_compose(
        by=requester,
        title=title,
        texts={"nl": AlertText(BANNER, f"Blijf binnen en sluit ramen en deuren ({title})."),
               "fr": AlertText("Incendie au port", f"Restez à l'intérieur ({title}).")},  # fmt: skip
        wijken=Wijk.objects.none(),  # city-wide: the banner on every page, the home page too
        channels=["sms"],
    )
    crisis_alert_request(alert=alert, by=requester)
    crisis_alert_confirm(alert=alert, by=confirmer)  # on_commit: queue_fan_out (autocommit: at once)
    return alert


def _texts_of(alert: CrisisAlert, workers) -> int:
    """The number of texts the alert makes, once its fan-out has made them all (the seed's own subscribers too)."""
    deadline = time.monotonic() + 600
    while CrisisAlert.objects.get(pk=alert.pk).status != CrisisAlert.Status.FANNED_OUT:
        for worker in workers:
            if worker.poll() is not None:
                pytest.fail(f"worker exited:\n{worker.log_path.read_text()[-3000:]}")
        assert time.monotonic() < deadline, "the fan-out did not finish"
        time.sleep(0.2)
    return Message.objects.filter(crisis_alert=alert).count()


def _seed_site(settings, index: str) -> float:
    """The Ghent demo site, indexed into a throwaway Elasticsearch index (tasks in-process while seeding)."""
    from cms.importers.seed.run import seed_demo

    settings.SEARCH_EMBEDDER = "search.embeddings.HashingEmbedder"
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
                                            "URL": os.environ["ELASTICSEARCH_URL"], "INDEX": index}}  # fmt: skip
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    started = time.perf_counter()
    try:
        seed_demo()
    finally:
        celery_app.conf.task_always_eager = eager
    return time.perf_counter() - started


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else float("nan")


def test_crisis_day_spike(transactional_db, settings, tmp_path):
    if connection.vendor != "postgresql" or not os.environ.get("CELERY_BROKER_URL", "").startswith("redis"):
        pytest.fail("the spike benchmark needs PostgreSQL, Redis and Elasticsearch: run it as `make bench` does")
    if not shutil.which("wrk"):
        pytest.fail("wrk is missing: run bash tests/services/install.sh", pytrace=False)
    if not (FRONTEND / "dist" / "server" / "entry.mjs").exists():
        pytest.fail("frontend/dist is missing: run make setup", pytrace=False)
    index = f"bench-spike-{uuid.uuid4().hex[:8]}"
    seed_seconds = _seed_site(settings, index)
    build_audience({"bench-spike": RECIPIENTS}, phone_prefix="+3248")  # the demo's citizens use +3247
    requester, confirmer = _editors()
    fake = FakeSmsServer().start()
    workers = []
    try:
        env = _app_env(fake.url, index)
        workers = start_workers(env, tmp_path, CELERY_WORKERS)
        with _backend(env, tmp_path) as api_url, Progress(fake) as progress:
            # 1. The fan-out alone (the site not started yet: its banner answer is cached for 30 s).
            before = fake.stats()["accepted"]
            started = time.monotonic()
            first = _alert("spike alleen", requester, confirmer)
            texts = [_texts_of(first, workers)]
            wait_sent(first, texts[0], fake, before, workers)
            fan_out_alone = progress.rate(since=started, before=before, expected=texts[0], window=SECONDS)

            with _frontend(api_url, tmp_path) as site_url:
                # 2. The site alone, the first alert's banner up; a short warm-up first (caches, connections).
                home = requests.get(site_url + "/nl", timeout=60)
                assert home.status_code == 200 and BANNER in home.text, "the home page shows the crisis banner"
                crowd(site_url, api_url, max(3, SECONDS // 10))
                site_alone = crowd(site_url, api_url, SECONDS)

                # 3. Both: the second alert is confirmed as the crowd arrives.
                before = fake.stats()["accepted"]
                site = _wrk(site_url, SITE_PATHS, SITE_CITIZENS, SECONDS, SITE_THINK_MS)
                api = _wrk(api_url, API_PATHS, API_CITIZENS, SECONDS, API_POLL_MS)
                started = time.monotonic()
                second = _alert("spike met drukte", requester, confirmer)
                under_load = {"site": _figures(site), "api": _figures(api)}
            texts.append(_texts_of(second, workers))
            wait_sent(second, texts[1], fake, before, workers)
            fan_out_loaded = progress.rate(since=started, before=before, expected=texts[1], window=SECONDS)
        time.sleep(2)  # time for a late duplicate to show up
        stats = fake.stats()
    finally:
        stop(workers)
        fake.stop()
        get_backend("default").clear()

    lost = sum(texts) - stats["distinct"]
    errors = {phase: sum(side["errors"] for side in figures.values()) for phase, figures in
              (("alone", site_alone), ("under_fan_out", under_load))}  # fmt: skip
    site_ratio = _ratio(under_load["site"]["per_second"], site_alone["site"]["per_second"])
    api_ratio = _ratio(under_load["api"]["per_second"], site_alone["api"]["per_second"])
    fan_out_ratio = _ratio(fan_out_loaded, fan_out_alone)
    print()
    print(f"spike_scale={SCALE:g}")
    print(f"spike_recipients={RECIPIENTS}")
    print(f"spike_texts_per_alert={texts[0]}")
    print(f"spike_load_seconds={SECONDS}")
    print(f"spike_citizens={SITE_CITIZENS + API_CITIZENS}")
    print(f"spike_site_citizens={SITE_CITIZENS}")
    print(f"spike_api_citizens={API_CITIZENS}")
    print(f"spike_site_think_ms={SITE_THINK_MS}")
    print(f"spike_api_poll_ms={API_POLL_MS}")
    print(f"spike_celery_workers={CELERY_WORKERS}")
    print(f"spike_web_workers={WEB_WORKERS}")
    print(f"spike_seed_seconds={seed_seconds:.1f}")
    for phase, figures in (("alone", site_alone), ("under_fan_out", under_load)):
        for side in ("site", "api"):
            f = figures[side]
            print(f"spike_{side}_{phase}_requests_per_second={f['per_second']:.1f}")
            print(f"spike_{side}_{phase}_p50_ms={f['p50_ms']:.1f}")
            print(f"spike_{side}_{phase}_p95_ms={f['p95_ms']:.1f}")
            print(f"spike_{side}_{phase}_errors={f['errors']:.0f}")
    print(f"spike_fan_out_alone_texts_per_second={fan_out_alone:.0f}")
    print(f"spike_fan_out_under_load_texts_per_second={fan_out_loaded:.0f}")
    print(f"spike_texts_duplicates={stats['duplicates']}")
    print(f"spike_texts_lost={lost}")
    print(f"spike_target_errors={0}")
    print(f"spike_target_min_ratio={HALF}")
    met = errors["under_fan_out"] == 0 and min(site_ratio, api_ratio, fan_out_ratio) >= HALF
    print(f"spike_target_met={'yes' if met else 'no'}")
    print(f"spike_site_under_fan_out_to_alone_ratio={site_ratio:.2f}")
    print(f"spike_api_under_fan_out_to_alone_ratio={api_ratio:.2f}")
    print(f"spike_fan_out_under_load_to_alone_ratio={fan_out_ratio:.2f}")

    assert errors == {"alone": 0, "under_fan_out": 0}, errors
    assert stats["duplicates"] == 0, f"{stats['duplicates']} texts accepted twice"
    assert lost == 0, f"{lost} texts never reached the provider"
