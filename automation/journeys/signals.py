"""Listening for the events that start journeys outside dossiers: a page published, a subscription confirmed.

Both hand a row id to a task after the transaction commits, so the task sees the page
(or subscription) as committed and a rolled-back publish starts nothing. The page task
itself checks that the page is live and public.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import page_published

from automation.contacts.signals import subscription_confirmed


def _on_page_published(sender, instance, **kwargs):
    from automation.journeys.tasks import page_published as task

    page_id = instance.pk
    transaction.on_commit(lambda: task.delay(page_id), robust=True)


def _on_subscription_confirmed(sender, subscription, **kwargs):
    from automation.journeys.tasks import subscription_confirmed as task

    subscription_id = subscription.pk
    transaction.on_commit(lambda: task.delay(subscription_id), robust=True)


def connect() -> None:
    page_published.connect(_on_page_published, dispatch_uid="journeys-page-published")
    subscription_confirmed.connect(_on_subscription_confirmed, dispatch_uid="journeys-subscription-confirmed")
