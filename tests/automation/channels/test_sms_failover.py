"""Weighted failover: load shared by weight, a failing provider skipped, a bad number never retried elsewhere."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from django.core.exceptions import ImproperlyConfigured

from automation.channels.base import SendResult
from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from automation.channels.sms import SmsBackend
from automation.channels.sms_failover import FailoverSmsBackend, parse_providers


class Provider(SmsBackend):
    """A fake provider whose next answers are scripted per test."""

    failures: dict[str, list[Exception]] = {}
    sent: list[str] = []

    def send(self, *, to, body, sender, reference):
        script = Provider.failures.get(self.name, [])
        if script:
            raise script.pop(0)
        Provider.sent.append(self.name)
        return SendResult(provider=self.name, provider_message_id=f"{self.name}-1")


class Alpha(Provider):
    name = "alpha"


class Beta(Provider):
    name = "beta"


ALPHA = "tests.automation.channels.test_sms_failover.Alpha"
BETA = "tests.automation.channels.test_sms_failover.Beta"


@pytest.fixture(autouse=True)
def reset():
    Provider.failures, Provider.sent = {}, []


def backend(*providers, seed=1):
    return FailoverSmsBackend(providers=list(providers), rng=random.Random(seed))


def send(failover):
    return failover.send(to="+32470123456", body="x", sender="Gent", reference="r")


def test_traffic_is_shared_in_proportion_to_the_weights():
    failover = backend(f"{ALPHA}:70", f"{BETA}:30")
    counts = Counter(send(failover).provider for _ in range(2000))
    assert 0.65 < counts["alpha"] / 2000 < 0.75


def test_a_provider_that_fails_retryably_is_skipped_for_the_next():
    Provider.failures = {"alpha": [RetryableError("503")]}
    result = send(backend(f"{ALPHA}:100", f"{BETA}:0"))
    assert result.provider == "beta"  # weight 0: standby, used only when the weighted ones fail


def test_a_permanent_error_is_final_and_no_other_provider_is_tried():
    Provider.failures = {"alpha": [PermanentError("invalid number")]}
    with pytest.raises(PermanentError):
        send(backend(f"{ALPHA}:100", f"{BETA}:0"))
    assert Provider.sent == []


def test_when_every_provider_fails_the_send_is_retryable():
    Provider.failures = {"alpha": [RetryableError("503")], "beta": [RetryableError("timeout")]}
    with pytest.raises(RetryableError) as raised:
        send(backend(f"{ALPHA}:1", f"{BETA}:1"))
    assert type(raised.value) is RetryableError and "503" in str(raised.value) and "timeout" in str(raised.value)


def test_throttled_everywhere_waits_the_shortest_time_asked():
    Provider.failures = {"alpha": [ThrottledError("429", retry_after=60)], "beta": [ThrottledError("429", retry_after=5)]}
    with pytest.raises(ThrottledError) as raised:
        send(backend(f"{ALPHA}:1", f"{BETA}:1"))
    assert raised.value.retry_after == 5


@pytest.mark.parametrize("entries", [["nowhere:1"], ["twilio:x"], ["twilio:-1"], ["twilio:0"], []])
def test_a_provider_list_that_cannot_work_stops_start_up(entries):
    with pytest.raises(ImproperlyConfigured, match="AUTOMATION_SMS_PROVIDERS"):
        parse_providers(entries)


def test_known_providers_are_named_by_alias():
    assert parse_providers(["twilio:70", "sinch"]) == [("twilio", 70), ("sinch", 1)]
