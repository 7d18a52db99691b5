"""Sending SMS with Sinch's REST API (a European gateway; EU region by default).

POST {SINCH_API_BASE}/xms/v1/{service_plan_id}/batches with a bearer token and JSON
{from, to: [E.164], body, delivery_report: "per_recipient", callback_url, client_reference};
Sinch answers 201 with the batch `id`. Our message reference travels as
`client_reference` and comes back in every delivery report; after a worker was lost
mid-send, `find_sent` lists batches by that `client_reference` to see whether Sinch
already has the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse

from automation.channels.errors import PermanentError
from automation.channels.base import SendResult
from automation.channels.sms import SmsBackend
from integrations.http import call


class SinchSmsBackend(SmsBackend):
    name = "sinch"

    def __init__(self):
        self.plan = settings.SINCH_SERVICE_PLAN_ID
        self.token = settings.SINCH_API_TOKEN
        self.base = settings.SINCH_API_BASE.rstrip("/")

    def send(self, *, to: str, body: str, sender: str, reference: str) -> SendResult:
        if not (self.plan and self.token):
            raise PermanentError("SINCH_SERVICE_PLAN_ID and SINCH_API_TOKEN are not set", provider=self.name)
        response = call(
            "POST",
            f"{self.base}/xms/v1/{self.plan}/batches",
            provider=self.name,
            headers={"Authorization": f"Bearer {self.token}"},
            json={
                "from": settings.SINCH_FROM or sender,
                "to": [to],
                "body": body,
                "delivery_report": "per_recipient",
                "callback_url": self.callback_url(),
                "client_reference": reference,
            },
        )
        return SendResult(provider=self.name, provider_message_id=response.json()["id"])

    def find_sent(self, *, to: str, body: str, reference: str, since: datetime) -> SendResult | None:
        if not (self.plan and self.token):
            return None
        response = call(
            "GET",
            f"{self.base}/xms/v1/{self.plan}/batches",
            provider=self.name,
            headers={"Authorization": f"Bearer {self.token}"},
            params={"client_reference": reference, "start_date": (since - timedelta(minutes=1)).isoformat()},
        )
        for batch in response.json().get("batches", []):
            if batch.get("client_reference") == reference and not batch.get("canceled"):
                return SendResult(provider=self.name, provider_message_id=batch["id"])
        return None

    @staticmethod
    def callback_url() -> str:
        return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + reverse(
            "sinch:callback", args=[settings.SINCH_CALLBACK_SECRET or "unset"]
        )
