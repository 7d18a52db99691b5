"""Anonymous rate limiting for the content API: 429 with Retry-After past the limit.

A fixed window per client address, counted in Django's cache (atomic `add` + `incr`, so it
holds across workers when the cache is Redis; the embedded default, the local-memory cache,
counts per process). The rate is `CONTENT_API_ANON_RATE` ("requests/second|minute|hour",
default 1200/minute: a browser never gets near it, a scraper looping the API does); None
switches it off. Signed-in users (editors checking the API) are not limited, nor are
trusted front ends: a request carrying `X-Vrijhaven-Client-Key` with one of the keys in
`CONTENT_API_CLIENT_KEYS` (our server-rendered front end sends all its readers' requests
from one address, which would otherwise hit the limit first). A wrong key is simply an
anonymous request: it is limited, not refused, so a rotated key never takes a site down.
The client address is REMOTE_ADDR: behind a proxy, set it from X-Forwarded-For in the
proxy layer.
"""

from __future__ import annotations

import hmac
import time

from django.conf import settings
from django.core.cache import cache

from cms.http.problems import Problem

DEFAULT_RATE = "1200/minute"
PERIODS = {"second": 1, "minute": 60, "hour": 3600}
CLIENT_KEY_HEADER = "HTTP_X_VRIJHAVEN_CLIENT_KEY"  # X-Vrijhaven-Client-Key


def parse_rate(rate: str) -> tuple[int, int]:
    """`"1200/minute"` -> (1200, 60); plural units ("minutes") are accepted."""
    count, _, unit = rate.partition("/")
    return int(count), PERIODS[unit.strip().removesuffix("s")]


def has_client_key(request) -> bool:
    """True when the request carries one of the configured keys (compared in constant time)."""
    given = request.META.get(CLIENT_KEY_HEADER, "").strip().encode()
    if not given:
        return False
    keys = getattr(settings, "CONTENT_API_CLIENT_KEYS", [])
    return any(hmac.compare_digest(given, key.encode()) for key in keys if key)


def check_rate(request) -> None:
    rate = getattr(settings, "CONTENT_API_ANON_RATE", DEFAULT_RATE)
    user = getattr(request, "user", None)
    if not rate or (user is not None and user.is_authenticated) or has_client_key(request):
        return
    limit, period = parse_rate(rate)
    now = time.time()
    window = int(now // period)
    key = f"content-api-rate:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new window
        cache.add(key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        retry_after = max(1, int((window + 1) * period - now) + 1)
        raise Problem(
            status=429,
            slug="too-many-requests",
            title="Too many requests",
            detail=f"Anonymous clients may make {rate} requests; try again in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )
