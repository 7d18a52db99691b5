"""An in-memory SMS backend for tests, the twin of Django's locmem mail backend.

Sent texts are appended to `outbox`; tests clear it between runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from automation.channels.base import SendResult
from automation.channels.sms import SmsBackend


@dataclass(frozen=True)
class SentSms:
    to: str
    body: str
    sender: str
    reference: str


outbox: list[SentSms] = []


class LocmemSmsBackend(SmsBackend):
    name = "locmem"

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        outbox.append(SentSms(to=to, body=body, sender=sender, reference=reference))
        return SendResult(provider=self.name, provider_message_id=f"locmem-{len(outbox)}")
