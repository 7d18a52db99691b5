"""Two web processes and two Celery workers on one PostgreSQL and Redis, with faults injected.

A crisis alert fans out to its SMS subscribers on the workers while case systems post signed
milestone events to gunicorn (two worker processes), each event texting its citizen. During
that, one Celery worker is killed with SIGKILL in the middle of a send chunk, and Redis (with
its append-only file, as docker/compose.yaml runs it) is shut down and started again in the
middle of the broadcast. A case system whose post fails posts again, as the contract asks
(events are idempotent on their id). When beat's sweep has run, every recipient must have
received exactly one text, counted at the wire by the fake Twilio.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from automation.contacts.models import Subscription
from automation.crisis.models import CrisisAlert
from automation.crisis.services import queue_fan_out
from automation.dossiers.models import DossierEvent
from automation.dossiers.signature import body_signature
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message, MessageTemplate, TemplateContent
from cms.core.models import Wijk
from cms.work.sweep import sweep_all
from tests.automation.example_event import EXAMPLE_EVENT
from tests.automation.factories import make_citizen
from tests.bench.bench_crisis_spike import _free_port
from tests.bench.crisis_workers import database_url
from tests.e2e.processes import serve
from tests.integration.automation.conftest import fake_twilio, provider_env, start_worker, wait_until  # noqa: F401

pytestmark = pytest.mark.cluster

REPO_ROOT = Path(__file__).resolve().parents[3]
AUDIENCE = 300
EVENTS = 24
REDIS_DOWN = 3.0  # seconds Redis stays down
SECRET = "reliability-secret"  # provider_env's AUTOMATION_WEBHOOK_SECRET
FINAL = {Message.Status.SENT, Message.Status.DELIVERED, Message.Status.FAILED, Message.Status.SUPPRESSED}


@pytest.fixture
def web(provider_env, start_worker, tmp_path):
    """gunicorn with two worker processes on the test database and the broker, like `web` in the Procfile."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, **provider_env, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "cms.settings.test",
           "PYTHONPATH": str(REPO_ROOT)}  # fmt: skip
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", "2", "--timeout", "60", "--graceful-timeout", "5"]  # fmt: skip
    server = serve(command, cwd=REPO_ROOT, env=env, log_path=tmp_path / "gunicorn.log",
                   ready_url=f"{base_url}/api/automation/crisis/active/", base_url=base_url)  # fmt: skip
    yield next(server)
    server.close()


class CaseSystem(threading.Thread):
    """Posts signed milestone events `numbers`, each for its own citizen; a failed post is posted again."""

    def __init__(self, base_url: str, numbers: range):
        super().__init__(daemon=True)
        self.base_url, self.numbers = base_url, numbers
        self.retries = 0
        self.answers: dict[str, int] = {}

    def event(self, number: int) -> bytes:
        citizen = {**EXAMPLE_EVENT["citizen"], "ref": f"case-{number}", "phone": f"+32471{number:06d}",
                   "preferred_channel": "sms"}  # fmt: skip
        return json.dumps({**EXAMPLE_EVENT, "event_id": f"evt-cluster-{number}", "citizen": citizen}).encode()

    def post(self, body: bytes) -> int:
        request = urllib.request.Request(
            f"{self.base_url}/api/automation/events/", data=body, method="POST",
            headers={"Content-Type": "application/json", "X-Signature": body_signature(body, SECRET)},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    def run(self):
        for number in self.numbers:
            body = self.event(number)
            for _ in range(40):
                status = self.post(body)
                if status in (200, 202):
                    break
                self.retries += 1
                time.sleep(0.5)
            self.answers[f"evt-cluster-{number}"] = status
            time.sleep(0.3)


def all_final(expected: int) -> bool:
    statuses = list(Message.objects.values_list("status", flat=True))
    return len(statuses) == expected and set(statuses) <= FINAL


def test_a_killed_worker_and_a_restarted_redis_lose_and_double_nothing(start_worker, fake_twilio, web, faults):
    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    demo_journey_install()
    template = MessageTemplate.objects.create(slug="alarm", name="Alarm")
    TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text="Alarm: blijf binnen.")
    alert = CrisisAlert.objects.create(title="Alarm", template=template, channels=["sms"], status="confirmed")
    for number in range(AUDIENCE):
        citizen = make_citizen(ref=f"c{number}", email="", phone=f"+32470{100000 + number}", consent=("sms",))
        Subscription.objects.create(citizen=citizen, kind="crisis", status="active")
    fake_twilio.delay = 0.05  # accepted, then answered a little later: a kill lands with texts in flight

    workers = [start_worker(), start_worker()]
    before = CaseSystem(web, range(EVENTS // 2))  # during the kill
    during = CaseSystem(web, range(EVENTS // 2, EVENTS))  # while Redis is down and after
    queue_fan_out(alert.pk)
    before.start()
    wait_until(lambda: fake_twilio.requests >= 40, worker=workers[1], what="the broadcast to be under way")
    os.kill(workers[0].pid, signal.SIGKILL)  # mid-chunk: a send task holds a hundred ids
    workers[0].wait()
    killed_at = fake_twilio.requests
    in_flight = Message.objects.filter(status=Message.Status.SENDING).count()
    workers.append(start_worker())
    wait_until(lambda: fake_twilio.requests >= killed_at + 60, worker=workers[1], what="the broadcast to go on")
    restarted_at = fake_twilio.requests
    redis_down = faults.redis_shutdown()
    during.start()
    time.sleep(REDIS_DOWN)  # web processes take events and workers lose their broker meanwhile
    redis_down += REDIS_DOWN + faults.redis_start()
    for case_system in (before, during):
        case_system.join(timeout=120)
        assert not case_system.is_alive(), "the case system should have delivered every event"

    expected = AUDIENCE + EVENTS
    wait_until(lambda: Message.objects.filter(status=Message.Status.CREATED).count() + Message.objects.filter(
        status=Message.Status.SENDING).count() == 0 or not _progressing(fake_twilio), timeout=120, worker=workers[1],
        what="the workers to finish what they hold")  # fmt: skip
    swept = beat_after_timeouts()
    deadline = time.monotonic() + 240
    while not all_final(expected):  # beat runs every minute; here every 20 s
        assert time.monotonic() < deadline, sorted(Message.objects.values_list("status", flat=True))
        wait_until(lambda: all_final(expected) or not _progressing(fake_twilio, 20), timeout=60, worker=workers[1],
                   what="the workers to finish the swept work")  # fmt: skip
        swept += beat_after_timeouts()

    per_recipient = fake_twilio.per_recipient()
    lost = expected - len(per_recipient)
    doubled = sum(count - 1 for count in per_recipient.values() if count > 1)
    print(f"\nworkers_messages={expected}")
    print(f"workers_in_flight_at_kill={in_flight}")
    print(f"workers_swept={swept}")
    print(f"workers_event_retries={before.retries + during.retries}")
    print(f"workers_redis_down_seconds={redis_down:.1f}")
    print(f"workers_texts_before_kill={killed_at} workers_texts_at_redis_restart={restarted_at}")
    print(f"workers_lost_messages={lost}")
    print(f"workers_duplicate_messages={doubled}")
    answers = {**before.answers, **during.answers}
    assert len(answers) == EVENTS and set(answers.values()) <= {200, 202}, answers
    assert lost == 0 and doubled == 0, per_recipient
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}


def beat_after_timeouts() -> int:
    """What beat's sweep does once AUTOMATION_SENDING_TIMEOUT and the sweepers' grace periods have
    passed: messages left `created` or `sending` and events left `received` are queued again."""
    stale = timezone.now() - timedelta(hours=1)
    swept = Message.objects.filter(status__in=[Message.Status.CREATED, Message.Status.SENDING]).update(updated_at=stale)
    swept += DossierEvent.objects.filter(status=DossierEvent.Status.RECEIVED).update(received_at=stale)
    sweep_all()
    return swept


def _progressing(fake, window: float = 3.0) -> bool:
    before = fake.requests
    time.sleep(window)
    return fake.requests != before
