"""An in-memory voice backend for tests: placed calls are appended to `outbox`; tests clear it."""

from __future__ import annotations

from dataclasses import dataclass

from automation.channels.base import SendResult
from automation.channels.voice import VoiceBackend


@dataclass(frozen=True)
class PlacedCall:
    to: str
    script: str
    language: str
    reference: str


outbox: list[PlacedCall] = []


class LocmemVoiceBackend(VoiceBackend):
    name = "locmem"

    def call(self, *, to: str, script: str, language: str, reference: str) -> SendResult:
        outbox.append(PlacedCall(to=to, script=script, language=language, reference=reference))
        return SendResult(provider=self.name, provider_message_id=f"locmem-call-{len(outbox)}")
