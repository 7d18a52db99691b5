"""Sending SMS with Twilio's Messages API.

POST {TWILIO_API_BASE}/2010-04-01/Accounts/{sid}/Messages.json, HTTP basic auth with the
account SID and auth token, form fields To, From (or MessagingServiceSid), Body and
StatusCallback; Twilio answers 201 with the message's `sid`. A 400 (e.g. 21211 invalid
To, 21610 the recipient replied STOP) is permanent for the message. Twilio's Messages API
takes no idempotency key, so none is sent; instead, after a worker was lost mid-send,
`find_sent` lists the messages Twilio holds for the number since the message was made
and recognises ours by its body (Twilio keeps no reference of ours).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from email.utils import parsedate_to_datetime

from django.conf import settings
from django.urls import reverse

from automation.channels.errors import PermanentError
from automation.channels.base import SendResult
from automation.channels.sms import SmsBackend
from integrations.http import call


class TwilioSmsBackend(SmsBackend):
    name = "twilio"

    def __init__(self):
        self.sid = settings.TWILIO_ACCOUNT_SID
        self.token = settings.TWILIO_AUTH_TOKEN
        self.base = settings.TWILIO_API_BASE.rstrip("/")

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        if not (self.sid and self.token):
            raise PermanentError("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set", provider=self.name)
        data = {"To": to, "Body": body, "StatusCallback": self.status_callback_url()}
        if settings.TWILIO_MESSAGING_SERVICE_SID:
            data["MessagingServiceSid"] = settings.TWILIO_MESSAGING_SERVICE_SID
        else:
            data["From"] = settings.TWILIO_FROM or sender
        response = call(
            "POST",
            f"{self.base}/2010-04-01/Accounts/{self.sid}/Messages.json",
            provider=self.name,
            auth=(self.sid, self.token),
            data=data,
        )
        return SendResult(provider=self.name, provider_message_id=response.json()["sid"])

    def find_sent(self, *, to: str, body: str, reference: str, since: datetime) -> SendResult | None:
        if not (self.sid and self.token):
            return None
        response = call(
            "GET",
            f"{self.base}/2010-04-01/Accounts/{self.sid}/Messages.json",
            provider=self.name,
            auth=(self.sid, self.token),
            params={"To": to, "DateSent>": (since - timedelta(days=1)).date().isoformat(), "PageSize": 100},
        )
        for held in response.json().get("messages", []):
            created = parsedate_to_datetime(held["date_created"]) if held.get("date_created") else None
            if (
                held.get("body") == body
                and held.get("status") not in ("failed", "undelivered", "canceled")
                and (created is None or created >= since - timedelta(minutes=1))
            ):
                return SendResult(provider=self.name, provider_message_id=held["sid"])
        return None

    @staticmethod
    def status_callback_url() -> str:
        return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + _status_path()


@cache
def _status_path() -> str:
    """Resolved once per process: a broadcast asks for it on every text."""
    return reverse("twilio:status")
