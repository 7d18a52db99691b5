"""Forgetting old batch ids: a batch is only ever sent again within minutes, so a week is ample.

Run daily by beat (tasks.py). The endpoint refuses batches older than
`PAGEVIEWS_BATCH_MAX_AGE`, so a batch whose id was forgotten cannot come back and count twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cms.pageviews.models import PageViewBatch

BATCH_MAX_AGE = timedelta(days=1)  # the endpoint's limit on a batch's `sealed_at`
REMEMBER = timedelta(days=7)  # how long ids are kept: well past BATCH_MAX_AGE


def batches_forget_old(now=None) -> int:
    now = now or timezone.now()
    deleted, _ = PageViewBatch.objects.filter(received_at__lt=now - REMEMBER).delete()
    return deleted
