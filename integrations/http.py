"""Calling a provider's HTTP API and turning its answer into automation's typed errors.

One place decides what a status code means for a message: 429 is throttling (with the
provider's Retry-After); 5xx and network trouble are retryable; so are 401, 403 and 404,
which say our account or URL is wrong, not the message (another provider, or the same one
once fixed, can still send it); other 4xx (400, 422: this message or number is refused)
are permanent. Timeouts are short: a provider that hangs is a provider that failed,
and the failover backend moves on.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import requests
import requests.adapters
from django.conf import settings

from automation.channels.errors import PermanentError, RetryableError, ThrottledError

TIMEOUT = (3.05, 10)  # connect, read (seconds)
RETRYABLE_4XX = {401, 403, 404, 408, 409, 423, 425}


class ProviderSession(requests.Session):
    """A keep-alive session that reads the environment's proxy and certificate settings once per host.

    requests reads them (HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE, ...) again on every
    request, walking the whole process environment twice: in a broadcast that was a fifth
    of the processor time spent per text. A worker's environment does not change while it
    runs, so the answer is kept per scheme and host; a request that names its own proxies,
    certificates or streaming is merged afresh, as requests does.
    """

    def __init__(self, *, pool_size: int = requests.adapters.DEFAULT_POOLSIZE):
        super().__init__()
        self._environment: dict[tuple[str, str], dict] = {}
        for scheme in ("http://", "https://"):  # a kept connection for every call in flight to one host
            self.mount(scheme, requests.adapters.HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size))

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        if proxies or stream is not None or verify is not None or cert is not None:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        if key not in self._environment:
            self._environment[key] = super().merge_environment_settings(url, proxies, stream, verify, cert)
        settings = self._environment[key]
        return {**settings, "proxies": dict(settings["proxies"])}


@cache
def http_session() -> requests.Session:
    """A shared session: keep-alive connections to the provider across sends in one worker,
    one for each provider call a worker keeps in flight (`AUTOMATION_SEND_CONCURRENCY`)."""
    return ProviderSession(pool_size=max(requests.adapters.DEFAULT_POOLSIZE, settings.AUTOMATION_SEND_CONCURRENCY))


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def call(method: str, url: str, *, provider: str, **kwargs) -> requests.Response:
    """Make the request; raise a typed channel error unless the provider answered 2xx."""
    try:
        response = http_session().request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.Timeout as error:
        raise RetryableError(f"timed out: {error}", provider=provider) from error
    except requests.RequestException as error:
        raise RetryableError(f"{type(error).__name__}: {error}", provider=provider) from error
    if response.status_code < 300:
        return response
    body = response.text[:500]
    if response.status_code == 429:
        raise ThrottledError(f"429 too many requests: {body}", provider=provider, retry_after=retry_after(response))
    if response.status_code >= 500 or response.status_code in RETRYABLE_4XX:
        raise RetryableError(f"{response.status_code}: {body}", provider=provider)
    raise PermanentError(f"{response.status_code}: {body}", provider=provider)
