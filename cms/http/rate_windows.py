"""The platform's one request-rate mechanism: a fixed window counted in Django's cache.

    wait = window_take(scope="subscribe-client", key=client_address(request), rate=parse_rate("10/hour"))
    if wait: raise too_many_requests(detail="...", retry_after=wait)

A window is `period` seconds on the clock (an hour window runs from hh:00 to hh:59); each
take adds one to the window's counter with the cache's atomic `add` + `incr`, so with
`CACHE_URL` pointing at Redis every web worker and machine counts in the same place (the
embedded default, the local-memory cache, counts per process). Past the limit a take
answers the seconds until the window turns, which is the `Retry-After` a client gets.

The content API's anonymous limit (cms/api/throttling.py), the subscribe form's per-client
limit and the ceiling on confirmation mails (automation) are all windows of this kind.
Provider send rates are a different thing (a token bucket pacing outgoing messages,
automation/channels/rate_limits.py), not a limit on clients.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache

from cms.http.problems import Problem

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    period: int  # seconds
    text: str  # as configured, for messages: "10/hour"


def parse_rate(text: str) -> Rate:
    """`"1200/minute"` -> Rate(1200, 60); plural units ("minutes") are accepted."""
    count, _, unit = text.partition("/")
    return Rate(count=int(count), period=PERIODS[unit.strip().lower().removesuffix("s")], text=text)


def window_take(*, scope: str, key: str, rate: Rate) -> int:
    """Count one request for `key` in `scope`: 0 when within `rate`, else the seconds until it is again."""
    now = time.time()
    window = int(now // rate.period)
    counter = f"rate:{scope}:{key}:{window}"
    cache.add(counter, 0, timeout=rate.period + 1)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr: this request opens a new window
        cache.add(counter, 1, timeout=rate.period + 1)
        count = 1
    if count <= rate.count:
        return 0
    return max(1, int((window + 1) * rate.period - now) + 1)


def too_many_requests(*, detail: str, retry_after: int) -> Problem:
    """429 with `Retry-After`, the answer to a take past the limit."""
    return Problem(
        status=429,
        slug="too-many-requests",
        title="Too many requests",
        detail=detail,
        headers={"Retry-After": str(retry_after)},
    )
