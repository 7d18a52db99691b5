"""The default voice backend: one JSON line per call in var/voice-outbox/, with the TwiML it would speak.

Lets the embedded demo show exactly what a citizen would hear, without a provider
account; the twin of the SMS file backend (one append per line, so workers never
interleave).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from automation.channels.base import SendResult
from automation.channels.errors import RetryableError
from automation.channels.voice import VoiceBackend
from automation.channels.voice_script import twiml


class FileVoiceBackend(VoiceBackend):
    name = "file"

    def call(self, *, to: str, script: str, language: str, reference: str) -> SendResult:
        folder = Path(settings.AUTOMATION_VOICE_FILE_PATH)
        line = json.dumps(
            {"reference": reference, "to": to, "language": language, "twiml": twiml(script=script, language=language),
             "at": timezone.now().isoformat()},
            ensure_ascii=False,
        )  # fmt: skip
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"voice-{timezone.localdate().isoformat()}.jsonl"
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                os.write(fd, (line + "\n").encode())
            finally:
                os.close(fd)
        except OSError as error:
            raise RetryableError(f"cannot write the voice outbox: {error}", provider=self.name) from error
        return SendResult(provider=self.name, provider_message_id=f"file-{reference}")
