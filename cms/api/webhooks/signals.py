"""Wagtail's page signals to webhook deliveries: publish, unpublish, move (and slug change), delete.

Only changes a visitor could have seen are announced, as the page kernel
(cms/core/publishing.py) decides: a publish when the public can see the page now (not one
under an unpublished or restricted section, nor one already past its expiry); an
unpublish, a move or a deletion when the page was reachable, i.e. no view restriction on
it and every section above it public (for a move: where it stood before, or where it
stands now). Moving or deleting a draft that was never live changes nothing on any front
end, and would tell front ends about pages the city has not published yet. A reorder
among siblings keeps every URL and is skipped.
"""

from __future__ import annotations

import threading

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.api.webhooks.events import deliveries_record
from cms.api.webhooks.models import WebhookEvent
from cms.core.publishing import is_public, is_reachable

_local = threading.local()


def _deleting() -> set[int]:
    """Ids of live pages being deleted in this thread (see `on_deleting`)."""
    if not hasattr(_local, "ids"):
        _local.ids = set()
    return _local.ids


def on_published(sender, instance, **kwargs):
    if is_public(instance):
        deliveries_record(event=WebhookEvent.PUBLISHED, page=instance)


def on_unpublished(sender, instance, **kwargs):
    if instance.pk in _deleting():  # Wagtail's unpublish-before-delete: `page.deleted` says it
        _deleting().discard(instance.pk)
        return
    if is_reachable(instance):
        deliveries_record(event=WebhookEvent.UNPUBLISHED, page=instance)


def on_moved(sender, instance, url_path_before=None, url_path_after=None, parent_page_before=None, **kwargs):
    if not instance.live or url_path_before == url_path_after:
        return
    # The old parent as stored now: a move can renumber the tree paths of the pages around it.
    before = Page.objects.filter(pk=parent_page_before.pk).first() if parent_page_before is not None else None
    was_reachable = before is not None and is_reachable(instance, parent=before)
    if was_reachable or is_reachable(instance):
        deliveries_record(event=WebhookEvent.MOVED, page=instance, old_url_path=url_path_before)


def on_slug_changed(sender, instance, instance_before=None, **kwargs):
    """A new slug published is a move to a new address: front ends drop the old one."""
    if instance.live and instance_before is not None and instance_before.url_path != instance.url_path:
        if is_reachable(instance):
            deliveries_record(event=WebhookEvent.MOVED, page=instance, old_url_path=instance_before.url_path)


def on_deleting(sender, instance, **kwargs):
    """Before the row goes: was it live? The database is asked, not the instance: Wagtail's
    own pre_delete receiver unpublishes the instance in memory (and sends page_unpublished,
    which `on_unpublished` then skips, so a deletion is one event, not two).

    Django sends the delete signals once per table of a page (Page and its specific
    model); listening to the Page table alone gives one event per deleted page. The rows
    are written in the deleting transaction, so a delete that fails announces nothing.
    """
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        _deleting().add(instance.pk)
        if is_reachable(instance):
            deliveries_record(event=WebhookEvent.DELETED, page=instance)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="webhooks.page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks.page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="webhooks.post_page_move")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="webhooks.page_slug_changed")
    pre_delete.connect(on_deleting, sender=Page, dispatch_uid="webhooks.page_deleted")
