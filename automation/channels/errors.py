"""Typed errors every channel raises, so the send task decides without knowing any provider.

- `RetryableError`: the provider may accept the same message later (timeouts, 5xx).
- `ThrottledError`: a retryable error with the provider's own "try again in N seconds".
- `PermanentError`: sending again can never work (invalid address, 4xx rejection).

Modelled on GOV.UK Notify's client exceptions (`app/clients/`).
"""

from __future__ import annotations


class ChannelError(Exception):
    def __init__(self, detail: str, *, provider: str = ""):
        super().__init__(detail)
        self.detail = detail
        self.provider = provider

    def __str__(self):
        return f"{self.provider}: {self.detail}" if self.provider else self.detail


class RetryableError(ChannelError):
    """Transient: try again later, up to the retry limit."""


class ThrottledError(RetryableError):
    """The provider asks us to slow down; `retry_after` is its hint in seconds, if it gave one."""

    def __init__(self, detail: str, *, provider: str = "", retry_after: float | None = None):
        super().__init__(detail, provider=provider)
        self.retry_after = retry_after


class PermanentError(ChannelError):
    """Final: the message can never be delivered as it stands. No retry."""


class RateLimited(ThrottledError):
    """Our own per-provider rate limit is reached: nothing was asked of the provider.

    Not an attempt: the message waits `retry_after` seconds and does not move closer to
    its attempt limit (a large broadcast would otherwise fail itself by being large).
    """
