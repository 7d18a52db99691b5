"""Benchmark: what a voice call costs the send path, beside a text to the same crisis audience.

A crisis alert to 400 subscribers who said yes to both, once by SMS and once by voice,
each through its Twilio backend against the local fake Twilio at the wire (the same
thread server for both, so the provider costs the same). The fan-out is measured, then
the broadcast chunks (100 ids, as `messages_queue` would queue them) are sent in this
process. A call is recorded `sent` as soon as Twilio took it (its outcome may be called
back within seconds), where texts are recorded fifty at a time: the figures say what
that costs in queries and time. Printed as name=value lines: queries per message, the
voice/SMS time ratio, and calls per recipient (duplicates, losses).
"""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from automation.contacts.models import Subscription
from automation.crisis.fan_out import crisis_alert_fan_out
from automation.crisis.models import CrisisAlert
from automation.messages.batch_sending import messages_send_chunk
from automation.messages.models import Message, MessageTemplate, TemplateContent
from automation.messages.queueing import SEND_CHUNK
from tests.automation.factories import make_citizen
from tests.integration.automation.fake_twilio import FakeTwilio

AUDIENCE = 400


def _send(alert_id: int, monkeypatch) -> tuple[float, int, int]:
    """(seconds, queries, messages) of fan-out plus sending every chunk in this process."""
    queued: list[int] = []
    monkeypatch.setattr("automation.crisis.fan_out.messages_queue", lambda *, message_ids: queued.extend(message_ids))
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        crisis_alert_fan_out(alert_id=alert_id)
        for start in range(0, len(queued), SEND_CHUNK):
            messages_send_chunk(message_ids=queued[start : start + SEND_CHUNK])
        seconds = time.perf_counter() - started
    return seconds, len(queries.captured_queries), len(queued)


@pytest.mark.django_db(transaction=True)
def test_voice_calls_against_texts_to_the_same_audience(settings, monkeypatch):
    fake = FakeTwilio().start()
    try:
        settings.TWILIO_API_BASE = fake.url
        settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "ACbench", "token"
        settings.TWILIO_FROM, settings.TWILIO_VOICE_FROM = "+3225550000", "+3292101010"
        settings.AUTOMATION_SMS_BACKEND = "integrations.twilio.sms.TwilioSmsBackend"
        settings.AUTOMATION_VOICE_BACKEND = "integrations.twilio.voice.TwilioVoiceBackend"
        settings.AUTOMATION_PUBLIC_BASE_URL = "https://gent.example"
        settings.AUTOMATION_PROVIDER_RATE_LIMITS = ""
        template = MessageTemplate.objects.create(slug="bench-voice", name="Bench")
        TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text="Alarm: blijf binnen.")
        for number in range(AUDIENCE):
            citizen = make_citizen(ref=f"v{number}", email="", phone=f"+32470{300000 + number}", consent=("sms", "voice"))
            Subscription.objects.create(citizen=citizen, kind="crisis", status="active")
        figures = {}
        for channel in ("sms", "voice"):
            alert = CrisisAlert.objects.create(title=channel, template=template, channels=[channel], status="confirmed")
            seconds, queries, messages = _send(alert.pk, monkeypatch)
            figures[channel] = (seconds, queries, messages)
            print(f"voice_bench_{channel}_messages={messages}")
            print(f"voice_bench_{channel}_seconds={seconds:.2f}")
            print(f"voice_bench_{channel}_queries_per_message={queries / messages:.2f}")
        per_call = fake.calls_per_recipient()
        print(f"voice_bench_calls_duplicates={sum(per_call.values()) - len(per_call)}")
        print(f"voice_bench_calls_lost={AUDIENCE - len(per_call)}")
        print(f"voice_bench_voice_to_sms_time_ratio={figures['voice'][0] / figures['sms'][0]:.2f}")
        print(f"voice_bench_voice_to_sms_queries_ratio={figures['voice'][1] / figures['sms'][1]:.2f}")
        assert set(Message.objects.filter(channel="voice").values_list("status", flat=True)) == {"sent"}
        assert len(per_call) == AUDIENCE and set(per_call.values()) == {1}
    finally:
        fake.stop()
