"""Channels by kind, as dotted paths in settings (`AUTOMATION_CHANNELS`), instantiated once.

A city replaces a channel by changing a setting; tests swap one with `override_settings`
and the cache follows (it is cleared whenever the setting changes).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from automation.channels.base import Channel
from automation.channels.kinds import ChannelKind

DEFAULT_CHANNELS = {
    ChannelKind.EMAIL.value: "automation.channels.email.EmailChannel",
    ChannelKind.SMS.value: "automation.channels.sms.SmsChannel",
    ChannelKind.LETTER.value: "automation.channels.letter.LetterChannel",
    ChannelKind.VOICE.value: "automation.channels.voice.VoiceChannel",
}


class UnknownChannel(LookupError):
    pass


def configured_channels() -> dict[str, str]:
    """Defaults overridden by `AUTOMATION_CHANNELS`; an empty path turns a channel off."""
    merged = {**DEFAULT_CHANNELS, **getattr(settings, "AUTOMATION_CHANNELS", {})}
    return {kind: path for kind, path in merged.items() if path}


@cache
def channel_for(kind: ChannelKind | str) -> Channel:
    kind = ChannelKind(kind)
    try:
        path = configured_channels()[kind.value]
    except KeyError:
        raise UnknownChannel(f"no channel configured for {kind.value!r} (AUTOMATION_CHANNELS)") from None
    channel = import_string(path)()
    if not isinstance(channel, Channel):
        raise UnknownChannel(f"{path} is not an automation.channels.base.Channel")
    return channel


@receiver(setting_changed)
def _forget_channels(*, setting, **kwargs):
    if setting.startswith(("AUTOMATION_", "EMAIL_")):
        channel_for.cache_clear()
