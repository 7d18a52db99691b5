"""Per-provider rate limits: never ask a provider for more messages per second than its contract allows.

`AUTOMATION_PROVIDER_RATE_LIMITS` maps a provider name to messages per second, e.g.
"twilio:30,sinch:50,mailgun:100" (or a dict); a provider not named is not limited. The
name is the one a channel reports (`SmsBackend.name`, the ESP of the e-mail backend).

The limit is a token bucket (burst: one second's worth). With Redis configured (the
broker, or REDIS_URL) the bucket lives in Redis and one Lua script takes a token
atomically, so the limit holds across every worker process and machine; without it (the
embedded demo runs tasks in-process) the bucket is in-process.

A sender that finds the bucket empty waits when the wait is short (`MAX_WAIT`: sending a
broadcast at the limit is the point), else raises `RateLimited`, which the send path
treats as "retry later, not an attempt".
"""

from __future__ import annotations

import threading
import time
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from automation.channels.errors import RateLimited

MAX_WAIT = 1.0  # seconds a sender may block for a token before giving the message back
SETTING = "AUTOMATION_PROVIDER_RATE_LIMITS"

_TAKE = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 60)
return tostring(wait)
"""


def parse_rates(raw) -> dict[str, float]:
    """"twilio:30, sinch:50" / ["twilio:30"] / {"twilio": 30} -> {"twilio": 30.0}; refuses nonsense."""
    if isinstance(raw, dict):
        entries = [f"{name}:{rate}" for name, rate in raw.items()]
    elif isinstance(raw, str):
        entries = [part for part in raw.split(",") if part.strip()]
    else:
        entries = list(raw or [])
    rates = {}
    for entry in entries:
        name, _, value = str(entry).partition(":")
        try:
            rate = float(value)
        except ValueError:
            rate = 0.0
        if not name.strip() or rate <= 0:
            raise ImproperlyConfigured(f"{SETTING}: {entry!r} should be <provider>:<messages per second above 0>")
        rates[name.strip()] = rate
    return rates


def provider_rates() -> dict[str, float]:
    return parse_rates(getattr(settings, SETTING, ""))


class LocalBucket:
    """The in-process bucket: enough when every send runs in this one process."""

    def __init__(self, rate: float):
        self.rate, self.burst = rate, max(1.0, rate)
        self.tokens, self.at = self.burst, time.monotonic()
        self.lock = threading.Lock()

    def take(self) -> float:
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
            self.at = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            return (1 - self.tokens) / self.rate


class RedisBucket:
    """The shared bucket: one per provider in Redis, taken from by an atomic script."""

    def __init__(self, rate: float, *, client, key: str):
        self.rate, self.burst = rate, max(1.0, rate)
        self.key = key
        self.script = client.register_script(_TAKE)

    def take(self) -> float:
        return float(self.script(keys=[self.key], args=[self.rate, self.burst]))


def redis_url() -> str:
    """The Redis the workers share: the broker, which settings take from REDIS_URL when unset."""
    broker = getattr(settings, "CELERY_BROKER_URL", "") or ""
    return broker if broker.startswith(("redis://", "rediss://")) else ""


@cache
def _bucket(kind: str, provider: str):
    rate = provider_rates().get(provider)
    if rate is None:
        return None
    url = redis_url()
    if url:
        import redis

        return RedisBucket(rate, client=redis.Redis.from_url(url), key=f"vrijhaven:rate:{kind}:{provider}")
    return LocalBucket(rate)


@receiver(setting_changed)
def _forget_buckets(*, setting, **kwargs):
    if setting in (SETTING, "CELERY_BROKER_URL"):
        _bucket.cache_clear()


def rate_limit_try(*, kind: str, provider: str) -> float:
    """Take a token if one is there: 0.0 when taken, else seconds until one will be."""
    bucket = _bucket(kind, provider)
    return 0.0 if bucket is None else bucket.take()


def rate_limit_acquire(*, kind: str, provider: str, max_wait: float | None = None) -> None:
    """Take a token, waiting up to `max_wait` seconds (`MAX_WAIT`) for one; else raise `RateLimited`."""
    deadline = time.monotonic() + (MAX_WAIT if max_wait is None else max_wait)
    while True:
        wait = rate_limit_try(kind=kind, provider=provider)
        if wait <= 0:
            return
        if time.monotonic() + wait > deadline:
            raise RateLimited(
                f"our limit of {provider_rates()[provider]:g} messages per second is reached",
                provider=provider,
                retry_after=max(wait, 0.5),
            )
        time.sleep(wait)
