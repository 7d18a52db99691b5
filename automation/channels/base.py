"""The channel contract: take an envelope, hand it to a provider, say what the provider said.

A channel never touches the database. The send service builds an `Envelope` from a stored
message, calls `send` outside any transaction and records the `SendResult` (or the typed
error) itself, so a slow provider never holds a lock and a channel is testable without rows.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

from automation.channels.kinds import ChannelKind


@dataclass(frozen=True)
class Envelope:
    reference: str  # our message's stable id; doubles as the provider idempotency key
    to: str
    body_text: str
    subject: str = ""
    body_html: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    language: str = ""  # the message's language (a voice call speaks it); "" when the channel needs none


@dataclass(frozen=True)
class SendResult:
    provider: str
    provider_message_id: str = ""
    note: str = ""  # for the message's history, when "accepted by <provider>" is not the whole story


class Channel(ABC):
    kind: ChannelKind

    @abstractmethod
    def send(self, envelope: Envelope) -> SendResult:
        """Hand the envelope to a provider; raise a `ChannelError` subclass on failure."""

    def find_sent(self, envelope: Envelope, *, since: datetime) -> SendResult | None:
        """Did a provider already accept this envelope (a worker died before we recorded it)?

        None means "not found, or this channel cannot tell"; the message is then sent
        (again). Raise a retryable error when the provider cannot be asked right now.
        """
        return None
