"""Voice calls on real PostgreSQL, Redis and Celery worker processes, through the fake Twilio at the wire.

The issue's bar for voice: a crisis alert reaches a voice subscriber exactly once, even
when the worker placing the calls is killed mid-call (the call Twilio took before the
kill is found at Twilio by number and time, not placed again), and Twilio's signed
status callbacks record how each call ended.
"""

from __future__ import annotations

import os
import signal
from datetime import timedelta
from urllib.parse import urlsplit

from django.test import Client
from django.utils import timezone

from automation.contacts.models import Subscription
from automation.crisis.models import CrisisAlert
from automation.crisis.services import queue_fan_out
from automation.messages.models import Message, MessageTemplate, TemplateContent
from automation.messages.sweep import messages_sweep
from tests.automation.factories import make_citizen
from tests.integration.automation.conftest import wait_until

FINAL = {Message.Status.SENT, Message.Status.DELIVERED, Message.Status.FAILED, Message.Status.SUPPRESSED}


def all_final(expected: int) -> bool:
    statuses = list(Message.objects.values_list("status", flat=True))
    return len(statuses) == expected and set(statuses) <= FINAL


def test_a_worker_killed_mid_call_leaves_every_voice_subscriber_exactly_one_call(start_worker, fake_twilio, provider_env):
    audience = 24
    template = MessageTemplate.objects.create(slug="alarm", name="Alarm")
    TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text="Alarm: blijf binnen.")
    TemplateContent.objects.create(template=template, channel="sms", language="fr", body_text="Alerte : restez à l'intérieur.")
    alert = CrisisAlert.objects.create(title="Alarm", template=template, channels=["voice"], status="confirmed")
    for number in range(audience):
        citizen = make_citizen(ref=f"c{number}", email="", phone=f"+32470{200000 + number}", consent=("voice",),
                               language="fr" if number % 3 == 0 else "nl")  # fmt: skip
        Subscription.objects.create(citizen=citizen, kind="crisis", status="active")
    fake_twilio.delay = 0.3  # each call is taken, then answered slowly: the kill lands after Twilio took one

    worker = start_worker()
    queue_fan_out(alert.pk)
    wait_until(lambda: fake_twilio.requests >= 6, worker=worker, what="the calls to be under way")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    in_flight = list(Message.objects.filter(status=Message.Status.SENDING).order_by("pk").values_list("pk", flat=True))
    placed_before_kill = {call["To"] for call in fake_twilio.calls}
    taken_unrecorded = [
        pk for pk in in_flight if Message.objects.get(pk=pk).recipient in placed_before_kill
    ]
    assert taken_unrecorded, "the kill should have caught a call Twilio took but the worker never recorded"

    # What beat does once AUTOMATION_SENDING_TIMEOUT has passed: release as in doubt, and queue again.
    Message.objects.filter(pk__in=in_flight).update(updated_at=timezone.now() - timedelta(hours=1))
    restarted = start_worker()
    assert messages_sweep()["sending"] == len(in_flight)
    wait_until(lambda: all_final(audience), timeout=180, worker=restarted, what="every call")

    per_recipient = fake_twilio.calls_per_recipient()
    assert len(per_recipient) == audience  # nobody left uncalled
    assert set(per_recipient.values()) == {1}  # nobody called twice
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    recovered = Message.objects.get(pk=taken_unrecorded[0]).history.order_by("pk").last().detail
    assert recovered == "found at twilio after a lost worker: not sent again"

    # Twilio calls back when each call ends, signed; the outcome lands on the message (found by our reference).
    client = Client()
    outcomes = ["completed", "busy", "no-answer"]
    for index, placed in enumerate(fake_twilio.calls):
        url, form, signature = fake_twilio.call_back(placed, outcomes[index % 3], token=provider_env["TWILIO_AUTH_TOKEN"])
        parts = urlsplit(url)
        assert client.post(f"{parts.path}?{parts.query}", data=form, HTTP_X_TWILIO_SIGNATURE=signature).status_code == 204
    statuses = sorted(Message.objects.values_list("status", flat=True))
    assert statuses == sorted(["delivered"] * 8 + ["failed"] * 16)
    french = Message.objects.filter(language="fr").first()
    spoken = next(call["Twiml"] for call in fake_twilio.calls if call["To"] == french.recipient)
    assert spoken.count('language="fr-BE"') == 6 and spoken.count("Alerte : restez à l'intérieur.") == 2
