"""Sending one stored delivery: claim it, POST the signed body, record what happened.

The same shape as the message send (automation/messages/sending.py), after GOV.UK Notify:

1. Claim `pending -> sending` by compare-and-set, counting the attempt on the row
   (`cms.work.claims`, as messages do). A row in any other state (delivered, failed,
   being sent by another worker) is left alone, so a duplicated task is harmless.
2. POST with no transaction open and a timeout; the body is the stored one, so retries
   send the same bytes and event id.
3. 2xx: `delivered`. A network error, 408, 425, 429 or 5xx: back to `pending` with a
   backoff (`cms.work.backoff`: BACKOFF * 2**(attempt-1), capped) until `CONTENT_WEBHOOK_MAX_ATTEMPTS`, then
   `failed`. Any other 4xx is the receiver refusing this body (bad signature, gone), which a
   retry cannot fix: `failed` at once. Redirects are not followed (a signed POST should not
   wander to another host).
Rows a lost worker or a broker outage left behind are queued again by `sweep.py`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import requests
from django.conf import settings
from django.utils import timezone

from cms.api.webhooks.models import WebhookDelivery
from cms.api.webhooks.signing import signed_headers
from cms.work.backoff import backoff_delay, gives_up
from cms.work.claims import NEXT_ATTEMPT, compare_and_set

logger = logging.getLogger(__name__)
Status = WebhookDelivery.Status
RETRYABLE_STATUSES = {408, 425, 429}


def max_attempts() -> int:
    return getattr(settings, "CONTENT_WEBHOOK_MAX_ATTEMPTS", 6)


def retry_delay(attempts: int) -> float:
    return backoff_delay(
        attempts=attempts,
        base=getattr(settings, "CONTENT_WEBHOOK_RETRY_BACKOFF", 10),
        cap=getattr(settings, "CONTENT_WEBHOOK_RETRY_BACKOFF_MAX", 3600),
    )


@dataclass(frozen=True)
class DeliveryOutcome:
    status: str
    retry_in: float | None = None

    SKIPPED = "skipped"


def _transition(delivery_id: int, *, from_status: str, to_status: str, **fields) -> bool:
    return compare_and_set(WebhookDelivery, pk=delivery_id, from_status=from_status, to_status=to_status, **fields)


def delivery_send(*, delivery_id: int) -> DeliveryOutcome:
    if not _transition(delivery_id, from_status=Status.PENDING, to_status=Status.SENDING, attempts=NEXT_ATTEMPT):
        return DeliveryOutcome(DeliveryOutcome.SKIPPED)
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.active:
        return _fail(delivery, "the endpoint was switched off")
    body = delivery.body.encode()
    headers = signed_headers(
        secret=endpoint.secret,
        body=body,
        event=delivery.event,
        event_id=str(delivery.event_id),
        timestamp=json.loads(body)["timestamp"],  # the signed body's own, so header and body agree
    )
    try:
        response = requests.post(
            endpoint.url, data=body, headers=headers, allow_redirects=False,
            timeout=getattr(settings, "CONTENT_WEBHOOK_TIMEOUT", 10),
        )
    except requests.RequestException as error:
        return _retry_or_fail(delivery, f"{type(error).__name__}: {error}")
    if 200 <= response.status_code < 300:
        _transition(delivery_id, from_status=Status.SENDING, to_status=Status.DELIVERED,
                    response_status=response.status_code, delivered_at=timezone.now(), last_error="")
        return DeliveryOutcome(Status.DELIVERED)
    detail = f"HTTP {response.status_code}: {response.text[:200]}"
    if response.status_code in RETRYABLE_STATUSES or response.status_code >= 500:
        return _retry_or_fail(delivery, detail, response_status=response.status_code)
    return _fail(delivery, f"refused: {detail}", response_status=response.status_code)


def _fail(delivery: WebhookDelivery, detail: str, **fields) -> DeliveryOutcome:
    logger.warning("webhook delivery %s to %s failed: %s", delivery.pk, delivery.endpoint.url, detail)
    _transition(delivery.pk, from_status=Status.SENDING, to_status=Status.FAILED, last_error=detail, **fields)
    return DeliveryOutcome(Status.FAILED)


def _retry_or_fail(delivery: WebhookDelivery, detail: str, **fields) -> DeliveryOutcome:
    if gives_up(attempts=delivery.attempts, max_attempts=max_attempts()):
        return _fail(delivery, f"gave up after {delivery.attempts} attempts: {detail}", **fields)
    _transition(delivery.pk, from_status=Status.SENDING, to_status=Status.PENDING, last_error=detail, **fields)
    return DeliveryOutcome(Status.PENDING, retry_in=retry_delay(delivery.attempts))
