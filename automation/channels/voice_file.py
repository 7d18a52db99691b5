"""The default voice backend: one JSON line per call in var/voice-outbox/, with the TwiML it would speak.

Lets the embedded demo show exactly what a citizen would hear, without a provider
account; written as the SMS file backend writes (automation.channels.outbox_file).
"""

from __future__ import annotations

from django.conf import settings

from automation.channels.base import SendResult
from automation.channels.outbox_file import outbox_append
from automation.channels.voice import VoiceBackend
from automation.channels.voice_script import twiml


class FileVoiceBackend(VoiceBackend):
    name = "file"

    def call(self, *, to: str, script: str, language: str, reference: str) -> SendResult:
        spoken = twiml(script=script, language=language)
        record = {"reference": reference, "to": to, "language": language, "twiml": spoken}
        outbox_append(folder=settings.AUTOMATION_VOICE_FILE_PATH, prefix="voice", record=record, provider=self.name)
        return SendResult(provider=self.name, provider_message_id=f"file-{reference}")
