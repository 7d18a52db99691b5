"""What a webhook says, and recording it: one delivery row per active endpoint, queued on commit.

Payload (the signed JSON body):

    {"event_id": "…uuid…", "event": "page.moved", "timestamp": 1790000000,
     "page_id": 42, "uid": "<translation_key>", "locale": "nl", "type": "themes.ThemePage",
     "path": "/nl/themas/grofvuil/", "old_path": "/nl/oud/grofvuil/"}

`path` is the page's address on the public site (what a front end routes and caches by),
from the page kernel (cms/core/publishing.py `site_path`); `uid` is shared by the page's
translations, so a front end can revalidate every language; `old_path` is set on `page.moved` only. A move concerns the whole subtree: a front end
should drop whatever it cached under `old_path`.

The rows are written in the caller's transaction (persist first); only their ids are
queued, after commit, so a rolled-back publish sends nothing and no HTTP call ever runs
inside the transaction.
"""

from __future__ import annotations

import json
import logging
import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone

from cms.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.core.publishing import site_path
from cms.work.enqueue import enqueue

logger = logging.getLogger(__name__)
WEBHOOK_QUEUE = "default"
DELIVER = "webhooks.deliver"


def payload(*, event: str, page, old_url_path: str | None = None) -> dict:
    data = {
        "event_id": str(uuid.uuid4()),
        "event": event,
        "timestamp": int(timezone.now().timestamp()),
        "page_id": page.pk,
        "uid": str(page.translation_key),
        "locale": page.locale.language_code,
        "type": page.specific_class._meta.label if page.specific_class else None,
        "path": site_path(page.url_path),
    }
    if old_url_path is not None:
        data["old_path"] = site_path(old_url_path)
    return data


def send_later(delivery_id: int) -> None:
    """Queue the send task, by name, for a stored delivery (after commit; a broker outage leaves it pending)."""
    try:
        enqueue(DELIVER, delivery_id, queue=WEBHOOK_QUEUE)
    except Exception:  # noqa: BLE001 - the row is stored; the sweep queues it again
        logger.exception("could not queue webhook delivery %s; it stays pending", delivery_id)


def deliveries_record(*, event: str, page, old_url_path: str | None = None) -> list[int]:
    """Store one delivery per active endpoint and queue each id once the transaction commits."""
    endpoints = list(WebhookEndpoint.objects.filter(active=True).values_list("pk", flat=True))
    if not endpoints:
        return []
    data = payload(event=event, page=page, old_url_path=old_url_path)
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint_id=endpoint_id, event_id=data["event_id"], event=event, page_id=page.pk, body=body)
        for endpoint_id in endpoints
    )
    ids = [delivery.pk for delivery in deliveries]
    for delivery_id in ids:
        transaction.on_commit(partial(send_later, delivery_id), robust=True)
    return ids
