"""Per-provider rate limits: a provider is never asked faster than its limit; a throttled send waits, unpenalised."""

from __future__ import annotations

import random

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from automation.channels import rate_limits
from automation.channels.errors import RateLimited
from automation.channels.rate_limits import LocalBucket, parse_rates, rate_limit_acquire
from automation.channels.sms_failover import FailoverSmsBackend
from automation.messages.models import Message
from automation.messages.sending import message_send
from tests.automation.channels.test_sms_failover import ALPHA, BETA, Provider
from tests.automation.factories import make_citizen, make_message

Status = Message.Status


class Clock:
    """A hand-driven clock, so the bucket is tested without sleeping."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(rate_limits.time, "monotonic", fake.monotonic)
    monkeypatch.setattr(rate_limits.time, "sleep", fake.sleep)
    return fake


@pytest.fixture(autouse=True)
def fresh_buckets(settings):
    settings.CELERY_BROKER_URL = ""  # the in-process bucket; Redis is tested in tests/integration
    rate_limits._bucket.cache_clear()
    Provider.failures, Provider.sent = {}, []
    yield
    rate_limits._bucket.cache_clear()


def test_rates_are_read_from_the_setting_and_nonsense_is_refused():
    assert parse_rates("twilio:30, sinch:2.5") == {"twilio": 30.0, "sinch": 2.5}
    assert parse_rates({"mailgun": 100}) == {"mailgun": 100.0}
    with pytest.raises(ImproperlyConfigured, match="twilio:fast"):
        parse_rates("twilio:fast")
    with pytest.raises(ImproperlyConfigured, match="above 0"):
        parse_rates("twilio:0")


def test_the_bucket_allows_a_second_s_burst_then_the_rate(clock):
    bucket = LocalBucket(10)
    granted = sum(bucket.take() == 0 for _ in range(25))
    assert granted == 10  # the burst: one second's worth
    clock.now += 1.0
    assert sum(bucket.take() == 0 for _ in range(25)) == 10
    assert bucket.take() == pytest.approx(0.1)  # the next token, a tenth of a second away


def test_a_short_wait_is_waited_and_a_long_one_raises_rate_limited(settings, clock):
    settings.AUTOMATION_PROVIDER_RATE_LIMITS = "slow:2"
    for _ in range(2):
        rate_limit_acquire(kind="sms", provider="slow")
    before = clock.now
    rate_limit_acquire(kind="sms", provider="slow")  # waits half a second for the next token
    assert clock.now - before == pytest.approx(0.5)
    with pytest.raises(RateLimited) as raised:
        rate_limit_acquire(kind="sms", provider="slow", max_wait=0.1)
    assert raised.value.retry_after == pytest.approx(0.5)
    rate_limit_acquire(kind="sms", provider="unlimited")  # not named: never limited


def test_failover_passes_over_a_provider_at_its_limit(settings, clock):
    settings.AUTOMATION_PROVIDER_RATE_LIMITS = "alpha:3"
    failover = FailoverSmsBackend(providers=[f"{ALPHA}:100", f"{BETA}:1"], rng=random.Random(1))
    providers = [failover.send(to="+32470123456", body="x", sender="Gent", reference=str(n)).provider for n in range(10)]
    assert providers.count("alpha") <= 3  # never more than the limit in this instant
    assert providers.count("beta") >= 7


@pytest.mark.django_db
def test_a_send_throttled_by_our_limit_is_retried_later_and_not_counted_as_an_attempt(settings, clock, monkeypatch):
    settings.AUTOMATION_PROVIDER_RATE_LIMITS = "locmem:1"  # the e-mail backend of the tests
    rate_limits.rate_limit_try(kind="email", provider="locmem")  # the one token of this second is gone
    monkeypatch.setattr(rate_limits, "MAX_WAIT", 0.1)  # the next token is a second away: too long to wait
    message = make_message(make_citizen())
    outcome = message_send(message_id=message.pk)
    assert outcome.status == Status.CREATED and outcome.retry_in >= 0.5
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.CREATED, 0)
    assert mail.outbox == []
    assert "not an attempt" in message.history.last().detail
    clock.now += 10
    assert message_send(message_id=message.pk).status == Status.SENT
    message.refresh_from_db()
    assert message.attempts == 1

