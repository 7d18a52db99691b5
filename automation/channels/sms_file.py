"""The default SMS backend: one JSON line per SMS in var/sms-outbox/, like Django's file mail backend.

Lets the embedded demo show exactly what would be texted, without a provider account.
The lines are written by automation.channels.outbox_file.
"""

from __future__ import annotations

from django.conf import settings

from automation.channels.base import SendResult
from automation.channels.outbox_file import outbox_append
from automation.channels.sms import SmsBackend


class FileSmsBackend(SmsBackend):
    name = "file"

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        record = {"reference": reference, "to": to, "from": sender, "body": body}
        outbox_append(folder=settings.AUTOMATION_SMS_FILE_PATH, prefix="sms", record=record, provider=self.name)
        return SendResult(provider=self.name, provider_message_id=f"file-{reference}")
