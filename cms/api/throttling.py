"""Anonymous rate limiting for the content API: 429 with Retry-After past the limit.

A fixed window per client address (the HTTP kernel's one mechanism,
cms/http/rate_windows.py: counted in Django's cache, so it holds across workers when
`CACHE_URL` is Redis). The rate is `CONTENT_API_ANON_RATE` ("requests/second|minute|hour",
default 1200/minute: a browser never gets near it, a scraper looping the API does); empty
switches it off. Signed-in users (editors checking the API) are not limited, nor are
trusted front ends: a request carrying `X-Vrijhaven-Client-Key` with one of the keys in
`CONTENT_API_CLIENT_KEYS` (our server-rendered front end sends all its readers' requests
from one address, which would otherwise hit the limit first). A wrong key is simply an
anonymous request: it is limited, not refused, so a rotated key never takes a site down.
The client address is the kernel's (`cms.http.clients.client_address`: REMOTE_ADDR, or
the address our own proxies vouch for with `TRUSTED_PROXY_COUNT`).
"""

from __future__ import annotations

from django.conf import settings

from cms.http.clients import client_address, has_client_key
from cms.http.rate_windows import parse_rate, too_many_requests, window_take

DEFAULT_RATE = "1200/minute"


def check_rate(request) -> None:
    rate = getattr(settings, "CONTENT_API_ANON_RATE", DEFAULT_RATE)
    user = getattr(request, "user", None)
    if not rate or (user is not None and user.is_authenticated) or has_client_key(request):
        return
    wait = window_take(scope="content-api", key=client_address(request), rate=parse_rate(rate))
    if wait:
        raise too_many_requests(
            detail=f"Anonymous clients may make {rate} requests; try again in {wait} s.", retry_after=wait
        )
