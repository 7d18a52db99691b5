"""No SMS between 21:00 and 08:00 in Brussels, except crisis alerts; parked texts go out in the morning."""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from automation.messages.models import Message
from automation.messages.quiet_hours import quiet_until
from automation.messages.sending import SendOutcome, message_send
from automation.messages.sweep import messages_sweep
from tests.automation.factories import make_citizen, make_message

UTC = dt_timezone.utc
EVENING = datetime(2026, 11, 30, 21, 30, tzinfo=UTC)  # 22:30 in Brussels (CET)
MORNING = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)  # 08:00 in Brussels


@pytest.fixture
def quiet(settings):
    settings.AUTOMATION_SMS_QUIET_HOURS = "21:00-08:00"


@pytest.mark.parametrize(
    "utc_hour, minute, quiet_expected",
    [(19, 59, False), (20, 0, True), (23, 0, True), (6, 59, True), (7, 0, False), (12, 0, False)],
)
def test_the_window_is_21_to_08_brussels_time(quiet, utc_hour, minute, quiet_expected):
    now = datetime(2026, 11, 30, utc_hour, minute, tzinfo=UTC)
    assert (quiet_until(now=now, channel="sms", purpose="service") is not None) is quiet_expected


def test_the_wait_ends_at_eight_the_next_morning(quiet):
    until = quiet_until(now=EVENING, channel="sms", purpose="service")
    assert timezone.localtime(until).isoformat() == "2026-12-01T08:00:00+01:00"


def test_crisis_alerts_and_emails_ignore_quiet_hours(quiet):
    assert quiet_until(now=EVENING, channel="sms", purpose="crisis") is None
    assert quiet_until(now=EVENING, channel="email", purpose="newsletter") is None


def test_a_malformed_window_names_the_setting(settings):
    settings.AUTOMATION_SMS_QUIET_HOURS = "late"
    with pytest.raises(ImproperlyConfigured, match="AUTOMATION_SMS_QUIET_HOURS"):
        quiet_until(now=EVENING, channel="sms", purpose="service")


@pytest.mark.django_db
def test_an_sms_at_night_waits_unclaimed_and_goes_out_in_the_morning(quiet, monkeypatch, sms_outbox):
    clock = {"now": EVENING}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    message = make_message(make_citizen(), channel="sms", body_html="", subject="")
    assert message_send(message_id=message.pk).status == SendOutcome.DEFERRED
    message.refresh_from_db()
    assert (message.status, message.attempts, sms_outbox) == (Message.Status.CREATED, 0, [])
    assert messages_sweep()["created"] == 0  # still night: not queued again
    clock["now"] = MORNING + timedelta(minutes=1)
    messages_sweep()  # queues it (eager: sends it)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and len(sms_outbox) == 1
