"""Deliveries a broker outage or a lost worker left behind are sent by the periodic sweep."""

import datetime

from django.utils import timezone

from cms.api.webhooks.models import WebhookDelivery
from cms.api.webhooks.sweep import deliveries_sweep
from cms.work.enqueue import registered_task

Status = WebhookDelivery.Status


def test_a_broker_outage_leaves_the_delivery_pending_and_the_sweep_sends_it(
    tree, endpoint, receiver, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **options):
        raise ConnectionError("no broker")

    with monkeypatch.context() as outage:
        outage.setattr(registered_task("webhooks.deliver"), "apply_async", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            tree.release.save_revision().publish()  # the editor's publish still succeeds
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and receiver.requests == []

    assert deliveries_sweep() == 0  # too recent: its own task may still be on its way
    WebhookDelivery.objects.filter(pk=delivery.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=3))
    assert deliveries_sweep() == 1
    delivery.refresh_from_db()
    assert delivery.status == Status.DELIVERED
    assert [r["json"]["event"] for r in receiver.requests] == ["page.published"]


def test_a_delivery_stuck_sending_is_sent_again(tree, endpoint, receiver):
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", page_id=tree.release.pk,
                                              body='{"timestamp": 1}', status=Status.SENDING, attempts=1)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(updated_at=timezone.now() - datetime.timedelta(minutes=20))
    assert deliveries_sweep() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.DELIVERED, 2)  # the lost attempt counts
    assert len(receiver.requests) == 1
