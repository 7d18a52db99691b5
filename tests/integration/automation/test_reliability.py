"""The issue's reliability tests, on real PostgreSQL, Redis and Celery worker processes.

SMS go to a local fake of Twilio's HTTP API, which counts what it accepted per recipient.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.dossiers.models import DossierEvent
from automation.dossiers.signature import body_signature
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from cms.core.models import Wijk
from tests.automation.example_event import EXAMPLE_EVENT
from tests.automation.factories import make_citizen, make_message
from tests.integration.automation.conftest import wait_until

SECRET = "reliability-secret"
FINAL = {Message.Status.SENT, Message.Status.DELIVERED, Message.Status.FAILED, Message.Status.SUPPRESSED}


def post(body: bytes, signature: str | None = "sign"):
    headers = {}
    if signature == "sign":
        headers["HTTP_X_SIGNATURE"] = body_signature(body, SECRET)
    elif signature is not None:
        headers["HTTP_X_SIGNATURE"] = signature
    return Client().post("/api/automation/events/", data=body, content_type="application/json", **headers)


def all_final(expected: int) -> bool:
    statuses = list(Message.objects.values_list("status", flat=True))
    return len(statuses) == expected and set(statuses) <= FINAL


def test_the_same_event_repeated_and_concurrent_gives_one_set_of_messages(start_worker, fake_twilio):
    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    demo_journey_install()
    worker = start_worker()
    # The citizen prefers SMS, so the demo journey texts (through the fake Twilio) rather than e-mails.
    body = json.dumps({**EXAMPLE_EVENT, "citizen": {**EXAMPLE_EVENT["citizen"], "preferred_channel": "sms"}}).encode()
    answers: list[int] = []
    start = threading.Barrier(6)

    def deliver():
        try:
            start.wait()
            answers.append(post(body).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answers += [post(body).status_code, post(body).status_code]  # and twice more, later
    assert sorted(answers) == [200] * 7 + [202]
    wait_until(lambda: all_final(1), worker=worker, what="the event's message")
    time.sleep(2)  # time for any duplicate to show up
    assert DossierEvent.objects.count() == 1
    assert sorted(Message.objects.values_list("channel", "status")) == [("sms", "sent")]
    assert fake_twilio.per_recipient() == {"+32470123456": 1}


def test_provider_500s_are_retried_then_the_text_is_sent_once(start_worker, fake_twilio):
    fake_twilio.script = [500, 500]
    message = make_message(make_citizen(), channel="sms", subject="", body_html="")
    worker = start_worker()
    messages_queue(message_ids=[message.pk])
    wait_until(lambda: all_final(1), worker=worker, what="the retried text")
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 3)
    assert fake_twilio.requests == 3 and fake_twilio.per_recipient() == {"+32470123456": 1}


def test_a_provider_400_is_a_permanent_failure_without_retry(start_worker, fake_twilio):
    fake_twilio.script = [400]
    message = make_message(make_citizen(), channel="sms", subject="", body_html="")
    worker = start_worker()
    messages_queue(message_ids=[message.pk])
    wait_until(lambda: all_final(1), worker=worker, what="the refused text")
    time.sleep(3)  # longer than the retry backoff: a retry would have happened by now
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.FAILED, 1)
    assert fake_twilio.requests == 1 and fake_twilio.accepted == []


def test_quiet_hours_hold_service_texts_but_not_crisis_alerts(start_worker, fake_twilio):
    now = timezone.localtime()
    window = f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"  # quiet right now
    citizen = make_citizen()
    service = make_message(citizen, channel="sms", subject="", body_html="")
    crisis = make_message(citizen, channel="sms", subject="", body_html="", purpose="crisis", body_text="Alarm")
    worker = start_worker(AUTOMATION_SMS_QUIET_HOURS=window)
    messages_queue(message_ids=[service.pk, crisis.pk])
    wait_until(
        lambda: Message.objects.filter(pk=service.pk, not_before__isnull=False).exists()
        and Message.objects.filter(pk=crisis.pk, status=Message.Status.SENT).exists(),
        worker=worker,
        what="the service text parked and the crisis text sent",
    )
    service.refresh_from_db()
    assert service.status == Message.Status.CREATED and service.attempts == 0
    assert timezone.localtime(service.not_before).strftime("%H:%M") == f"{(now + timedelta(hours=1)):%H:%M}"
    assert [text["Body"] for text in fake_twilio.accepted] == ["Alarm"]


@pytest.mark.parametrize(
    "body, signature, status",
    [
        (json.dumps(EXAMPLE_EVENT).encode(), None, 401),
        (json.dumps(EXAMPLE_EVENT).encode(), "sha256=" + "0" * 64, 401),
        (b'{"event_id": ', "sign", 400),
        (json.dumps({**EXAMPLE_EVENT, "citizen": {"ref": "x", "phone": "12"}}).encode(), "sign", 400),
    ],
    ids=["unsigned", "wrong-signature", "not-json", "invalid-phone"],
)
def test_bad_signatures_and_bodies_are_refused_with_nothing_stored_or_sent(start_worker, fake_twilio, body, signature, status):
    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    demo_journey_install()
    start_worker()
    assert post(body, signature).status_code == status
    time.sleep(2)
    assert not DossierEvent.objects.exists() and not Citizen.objects.exists() and not Message.objects.exists()
    assert fake_twilio.requests == 0


def test_a_worker_killed_mid_broadcast_leaves_every_recipient_exactly_one_text(start_worker, fake_twilio):
    import os
    import signal

    from automation.contacts.models import Subscription
    from automation.crisis.models import CrisisAlert
    from automation.crisis.services import queue_fan_out
    from automation.messages.models import MessageTemplate, TemplateContent
    from automation.messages.sweep import messages_sweep

    audience = 120
    template = MessageTemplate.objects.create(slug="alarm", name="Alarm")
    TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text="Alarm: blijf binnen.")
    alert = CrisisAlert.objects.create(title="Alarm", template=template, channels=["sms"], status="confirmed")
    for number in range(audience):
        citizen = make_citizen(ref=f"c{number}", email="", phone=f"+32470{100000 + number}", consent=("sms",))
        Subscription.objects.create(citizen=citizen, kind="crisis", status="active")
    fake_twilio.delay = 0.2  # each text is accepted, then answered slowly: the kill lands after acceptance

    worker = start_worker()
    queue_fan_out(alert.pk)  # on the crisis queue, as a confirmation does
    wait_until(lambda: fake_twilio.requests >= 30, worker=worker, what="the broadcast to be under way")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    in_flight = list(Message.objects.filter(status=Message.Status.SENDING).order_by("pk").values_list("pk", flat=True))
    assert in_flight, "the kill should have caught a text in flight"

    # What beat does once AUTOMATION_SENDING_TIMEOUT has passed: release and re-queue.
    Message.objects.filter(pk__in=in_flight).update(updated_at=timezone.now() - timedelta(hours=1))
    restarted = start_worker()
    assert messages_sweep()["sending"] == len(in_flight)
    wait_until(lambda: all_final(audience), timeout=180, worker=restarted, what="the whole broadcast")

    per_recipient = fake_twilio.per_recipient()
    assert len(per_recipient) == audience  # nobody lost
    assert set(per_recipient.values()) == {1}  # nobody twice
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    recovered = Message.objects.get(pk=in_flight[0]).history.order_by("pk").last().detail
    assert recovered == "found at twilio after a lost worker: not sent again"
