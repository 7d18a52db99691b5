"""Listening for the events that start journeys outside dossiers: a page published, a subscription confirmed.

A published project page, or a published event page, is also handed to the project news
task (project_news.py), which decides whether a followed project changed phase or got a
new event.

Both hand a row id to a task after the transaction commits, so the task sees the page
(or subscription) as committed and a rolled-back publish starts nothing. The page task
itself checks that the page is live and public. The tasks are queued by name
(`cms.work.enqueue`): the task module imports the triggers, not the other way round.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import page_published

from automation.contacts.signals import subscription_confirmed
from cms.work.enqueue import enqueue

PAGE_PUBLISHED = "automation.journeys_page_published"
SUBSCRIPTION_CONFIRMED = "automation.journeys_subscription_confirmed"
PROJECT_NEWS = "automation.journeys_project_news"


def _on_page_published(sender, instance, **kwargs):
    from cms.events.models import EventPage
    from cms.projects.models import ProjectPage

    page_id = instance.pk
    transaction.on_commit(lambda: enqueue(PAGE_PUBLISHED, page_id), robust=True)
    if isinstance(instance, (ProjectPage, EventPage)):
        transaction.on_commit(lambda: enqueue(PROJECT_NEWS, page_id), robust=True)


def _on_subscription_confirmed(sender, subscription, **kwargs):
    subscription_id = subscription.pk
    transaction.on_commit(lambda: enqueue(SUBSCRIPTION_CONFIRMED, subscription_id), robust=True)


def connect() -> None:
    page_published.connect(_on_page_published, dispatch_uid="journeys-page-published")
    subscription_confirmed.connect(_on_subscription_confirmed, dispatch_uid="journeys-subscription-confirmed")
