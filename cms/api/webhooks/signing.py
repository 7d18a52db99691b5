"""How a receiver knows a webhook came from us: HMAC-SHA256 of the raw body.

Headers on every POST:

* `X-Vrijhaven-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the
  endpoint's secret (the same scheme GitHub uses, and our own dossier webhooks accept);
* `X-Vrijhaven-Timestamp`: when the event happened (Unix seconds); the body carries the
  same value under `timestamp`, so it is covered by the signature;
* `X-Vrijhaven-Event-Id`: the event's id, the same on every retry: de-duplicate on it;
* `X-Vrijhaven-Event`: `page.published`, `page.unpublished`, `page.moved`, `page.deleted`.

A receiver verifies with `verify()` (or its own three lines), comparing in constant time.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Vrijhaven-Signature"
TIMESTAMP_HEADER = "X-Vrijhaven-Timestamp"
EVENT_ID_HEADER = "X-Vrijhaven-Event-Id"
EVENT_HEADER = "X-Vrijhaven-Event"
PREFIX = "sha256="


def signature(secret: str, body: bytes) -> str:
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    return bool(header) and hmac.compare_digest(signature(secret, body), header)


def signed_headers(*, secret: str, body: bytes, event: str, event_id: str, timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Vrijhaven-Webhooks/1",
        SIGNATURE_HEADER: signature(secret, body),
        TIMESTAMP_HEADER: str(timestamp),
        EVENT_ID_HEADER: event_id,
        EVENT_HEADER: event,
    }
