"""The default SMS backend: one JSON line per SMS in var/sms-outbox/, like Django's file mail backend.

Lets the embedded demo show exactly what would be texted, without a provider account.
Each line is written with a single append of less than a pipe buffer, so concurrent
workers never interleave lines.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from automation.channels.errors import RetryableError
from automation.channels.base import SendResult
from automation.channels.sms import SmsBackend


class FileSmsBackend(SmsBackend):
    name = "file"

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        folder = Path(settings.AUTOMATION_SMS_FILE_PATH)
        line = json.dumps(
            {"reference": reference, "to": to, "from": sender, "body": body, "at": timezone.now().isoformat()},
            ensure_ascii=False,
        )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"sms-{timezone.localdate().isoformat()}.jsonl"
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                os.write(fd, (line + "\n").encode())
            finally:
                os.close(fd)
        except OSError as error:
            raise RetryableError(f"cannot write the SMS outbox: {error}", provider=self.name) from error
        return SendResult(provider=self.name, provider_message_id=f"file-{reference}")
