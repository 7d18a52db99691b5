"""SMS: the channel and the contract its provider backends implement.

The channel is thin: it asks the configured backend (`AUTOMATION_SMS_BACKEND`, a dotted
path; the file backend by default) to send. Provider backends for real gateways live in
`integrations/` and raise the same typed errors; failover between them is a backend too.
The provider's rate limit is taken here, unless the backend picks among providers and
takes each one's itself (`rate_limited_per_provider`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from automation.channels.base import Channel, Envelope, SendResult
from automation.channels.kinds import ChannelKind
from automation.channels.rate_limits import rate_limit_acquire


class SmsBackend(ABC):
    name: str = "sms"
    rate_limited_per_provider = False

    @abstractmethod
    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        """Send one SMS; say which provider took it and its id for it. Raise typed channel errors."""

    def find_sent(self, *, to: str, body: str, reference: str, since: datetime) -> SendResult | None:
        """The provider's record of this SMS if it has one; None if not found or it cannot tell."""
        return None


@cache
def sms_backend() -> SmsBackend:
    return import_string(settings.AUTOMATION_SMS_BACKEND)()


@receiver(setting_changed)
def _forget_backend(*, setting, **kwargs):
    if setting.startswith("AUTOMATION_SMS"):
        sms_backend.cache_clear()


class SmsChannel(Channel):
    kind = ChannelKind.SMS

    def send(self, envelope: Envelope) -> SendResult:
        backend = sms_backend()
        if not backend.rate_limited_per_provider:
            rate_limit_acquire(kind=self.kind.value, provider=backend.name)
        return backend.send(
            to=envelope.to, body=envelope.body_text, sender=settings.AUTOMATION_SMS_SENDER, reference=envelope.reference
        )

    def find_sent(self, envelope: Envelope, *, since: datetime) -> SendResult | None:
        return sms_backend().find_sent(to=envelope.to, body=envelope.body_text, reference=envelope.reference, since=since)
