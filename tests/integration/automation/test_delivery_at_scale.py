"""Broadcast delivery on real workers: chunks survive a SIGKILL, and the provider's rate limit holds across workers.

Texts go to the local fake of Twilio's HTTP API, which counts what it accepted per
recipient and when.
"""

from __future__ import annotations

import os
import signal
import time
from datetime import timedelta

from django.utils import timezone

from automation.messages.models import Message
from automation.messages.queueing import SEND_CHUNK, SEND_MESSAGE_CHUNK, messages_queue
from automation.messages.sweep import messages_sweep
from cms.work.enqueue import enqueue
from tests.automation.factories import make_citizen, make_message
from tests.integration.automation.conftest import wait_until

Status = Message.Status


def crisis_texts(count: int) -> list[Message]:
    messages = []
    for number in range(count):
        citizen = make_citizen(ref=f"c{number}", email="", phone=f"+32470{200000 + number}", consent=("sms",))
        messages.append(make_message(citizen, channel="sms", purpose="crisis", subject="", body_html="", body_text="Alarm"))
    return messages


def all_sent(count: int) -> bool:
    return Message.objects.filter(status=Status.SENT).count() == count


def test_a_worker_killed_mid_chunk_still_texts_every_recipient_exactly_once(start_worker, fake_twilio):
    audience = 60
    messages = crisis_texts(audience)
    assert audience < SEND_CHUNK  # one chunk: the kill lands in the middle of it
    fake_twilio.delay = 0.15
    worker = start_worker()
    messages_queue(message_ids=[m.pk for m in messages])
    wait_until(lambda: fake_twilio.requests >= 20, worker=worker, what="the chunk to be under way")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    stuck = list(Message.objects.filter(status=Status.SENDING).order_by("pk").values_list("pk", flat=True))
    assert stuck, "the rest of the chunk was claimed by the killed worker"

    fake_twilio.delay = 0
    Message.objects.filter(pk__in=stuck).update(updated_at=timezone.now() - timedelta(hours=1))  # as beat finds them later
    restarted = start_worker()
    assert messages_sweep()["sending"] == len(stuck)
    wait_until(lambda: all_sent(audience), timeout=180, worker=restarted, what="every text of the chunk")
    enqueue(SEND_MESSAGE_CHUNK, [m.pk for m in messages], queue="crisis")  # the lost chunk, redelivered late
    time.sleep(3)

    per_recipient = fake_twilio.per_recipient()
    assert len(per_recipient) == audience and set(per_recipient.values()) == {1}
    first = Message.objects.get(pk=stuck[0])  # accepted by the provider before the kill, never recorded
    assert first.history.order_by("pk").last().detail == "found at twilio after a lost worker: not sent again"


def test_the_providers_rate_limit_holds_across_two_workers_and_costs_no_attempts(start_worker, fake_twilio):
    rate, audience = 10, 60
    messages = crisis_texts(audience)
    limits = {"AUTOMATION_PROVIDER_RATE_LIMITS": f"twilio:{rate}"}
    workers = [start_worker(**limits), start_worker(**limits)]
    ids = [m.pk for m in messages]
    for half in (ids[: audience // 2], ids[audience // 2 :]):  # one chunk per worker, at the same time
        enqueue(SEND_MESSAGE_CHUNK, half, queue="crisis")
    wait_until(lambda: all_sent(audience), timeout=120, worker=workers[0], what="every text, at the limit")

    moments = sorted(text["at"] for text in fake_twilio.accepted)
    assert len(moments) == audience and set(fake_twilio.per_recipient().values()) == {1}
    for start in moments:  # in any one-second window: at most the burst (one second's worth) plus the rate
        assert sum(start <= moment < start + 1 for moment in moments) <= 2 * rate + 1
    assert moments[-1] - moments[0] >= (audience - rate) / rate - 1  # it really was held to the rate
    assert set(Message.objects.values_list("attempts", flat=True)) == {1}  # waiting for the limit is not an attempt
