"""Voice calls: the channel for citizens who cannot read a text, and the contract its backends implement.

Like SMS, the channel is thin: the configured backend (`AUTOMATION_VOICE_BACKEND`; the
file backend by default, Twilio's Programmable Voice in `integrations/twilio/voice.py`)
places the call and raises the typed channel errors, so the send path's rules (consent at
the last moment, retries, exactly-once after a lost worker) are the same as for a text.
The message's text is already the spoken script (`voice_script.py`); the backend turns
it into TwiML in the message's language. Our rate limit per provider is taken here.
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


class VoiceBackend(ABC):
    name: str = "voice"

    @abstractmethod
    def call(self, *, to: str, script: str, language: str, reference: str) -> SendResult:
        """Place one call that speaks `script`; say which provider took it and its id. Raise typed channel errors."""

    def find_placed(self, *, to: str, reference: str, since: datetime) -> SendResult | None:
        """The provider's record of this call if it has one; None if not found or it cannot tell."""
        return None


@cache
def voice_backend() -> VoiceBackend:
    return import_string(settings.AUTOMATION_VOICE_BACKEND)()


@receiver(setting_changed)
def _forget_backend(*, setting, **kwargs):
    if setting.startswith("AUTOMATION_VOICE"):
        voice_backend.cache_clear()


class VoiceChannel(Channel):
    kind = ChannelKind.VOICE

    def send(self, envelope: Envelope) -> SendResult:
        backend = voice_backend()
        rate_limit_acquire(kind=self.kind.value, provider=backend.name)
        return backend.call(
            to=envelope.to, script=envelope.body_text, language=envelope.language or "nl", reference=envelope.reference
        )

    def find_sent(self, envelope: Envelope, *, since: datetime) -> SendResult | None:
        return voice_backend().find_placed(to=envelope.to, reference=envelope.reference, since=since)
