"""Weighted failover between SMS providers: share the load, and survive one provider's outage.

`AUTOMATION_SMS_PROVIDERS` lists providers with weights, e.g. "twilio:70,sinch:30". Each
send picks a provider at random in proportion to the weights, and if that provider fails
in a way another could fix (retryable, throttled: a timeout, a 5xx, a 429, a refused
credential) the next one, by weight, until one accepts. A permanent error (the number is
invalid) is final: no other provider can fix the message. When all providers fail, the
send is retryable; throttled everywhere means "retry after the shortest wait asked".

Each provider's own rate limit (`rate_limits.py`) is checked before it is asked: a
provider at its limit is passed over for the next one; when every provider is at its
limit the send waits a moment for a token, or gives the message back as `RateLimited`
(not an attempt).
"""

from __future__ import annotations

import random
import time
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from automation.channels.base import SendResult
from automation.channels.errors import RateLimited, RetryableError, ThrottledError
from automation.channels import rate_limits
from automation.channels.rate_limits import rate_limit_try
from automation.channels.sms import SmsBackend

PROVIDER_BACKENDS = {
    "twilio": "integrations.twilio.sms.TwilioSmsBackend",
    "sinch": "integrations.sinch.sms.SinchSmsBackend",
    "file": "automation.channels.sms_file.FileSmsBackend",
    "locmem": "automation.channels.sms_locmem.LocmemSmsBackend",
}


def parse_providers(entries: list[str]) -> list[tuple[str, int]]:
    """["twilio:70", "sinch"] -> [("twilio", 70), ("sinch", 1)]; refuses what it cannot use."""
    providers = []
    for entry in entries:
        alias, _, weight = entry.partition(":")
        alias = alias.strip()
        if alias not in PROVIDER_BACKENDS and "." not in alias:
            raise ImproperlyConfigured(
                f"AUTOMATION_SMS_PROVIDERS: unknown provider {alias!r} (known: {', '.join(PROVIDER_BACKENDS)})"
            )
        try:
            weight_value = int(weight) if weight.strip() else 1
        except ValueError:
            raise ImproperlyConfigured(f"AUTOMATION_SMS_PROVIDERS: weight of {alias!r} must be a whole number") from None
        if weight_value < 0:
            raise ImproperlyConfigured(f"AUTOMATION_SMS_PROVIDERS: weight of {alias!r} must not be negative")
        providers.append((alias, weight_value))
    if not any(weight for _alias, weight in providers):
        raise ImproperlyConfigured("AUTOMATION_SMS_PROVIDERS names no provider with a weight above 0")
    return providers


def weighted_order(weighted: list[tuple[SmsBackend, int]], rng: random.Random) -> list[SmsBackend]:
    """All backends, the first drawn by weight, then the next among the rest, and so on.

    Weight 0 means standby: used only after every weighted provider failed.
    """
    remaining = [(backend, weight) for backend, weight in weighted if weight > 0]
    order = []
    while remaining:
        pick = rng.choices(range(len(remaining)), weights=[weight for _b, weight in remaining])[0]
        order.append(remaining.pop(pick)[0])
    return order + [backend for backend, weight in weighted if weight == 0]


class FailoverSmsBackend(SmsBackend):
    name = "failover"

    def __init__(self, *, providers: list[str] | None = None, rng: random.Random | None = None):
        parsed = parse_providers(settings.AUTOMATION_SMS_PROVIDERS if providers is None else providers)
        self.weighted = [(import_string(PROVIDER_BACKENDS.get(alias, alias))(), weight) for alias, weight in parsed]
        self.rng = rng or random.Random()

    rate_limited_per_provider = True  # the channel leaves the limits to this backend

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        failures: list[RetryableError] = []
        deadline = time.monotonic() + rate_limits.MAX_WAIT
        untried = weighted_order(self.weighted, self.rng)
        while untried:
            at_limit: list[tuple[SmsBackend, float]] = []
            for backend in untried:
                wait = rate_limit_try(kind="sms", provider=backend.name)
                if wait > 0:
                    at_limit.append((backend, wait))
                    continue
                try:
                    return backend.send(to=to, body=body, sender=sender, reference=reference)
                except RetryableError as error:  # includes ThrottledError; PermanentError propagates
                    failures.append(error)
            if not at_limit:
                break
            shortest = min(wait for _backend, wait in at_limit)
            if time.monotonic() + shortest > deadline:
                if failures:
                    break
                names = ", ".join(backend.name for backend, _wait in at_limit)
                raise RateLimited(f"every provider is at its rate limit ({names})", provider=self.name, retry_after=shortest)
            time.sleep(shortest)
            untried = [backend for backend, _wait in at_limit]
        detail = "; ".join(str(error) for error in failures)
        if failures and all(isinstance(error, ThrottledError) for error in failures):
            waits = [error.retry_after for error in failures if error.retry_after]
            raise ThrottledError(f"every provider throttled: {detail}", provider=self.name, retry_after=min(waits, default=None))
        raise RetryableError(f"every provider failed: {detail}", provider=self.name)

    def find_sent(self, *, to: str, body: str, reference: str, since: datetime) -> SendResult | None:
        """Ask every provider: the lost send may have gone to any of them."""
        for backend, _weight in self.weighted:
            found = backend.find_sent(to=to, body=body, reference=reference, since=since)
            if found is not None:
                return found
        return None
