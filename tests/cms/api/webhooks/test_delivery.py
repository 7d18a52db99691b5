"""Outgoing webhooks against a real HTTP receiver that verifies the HMAC signature."""

import socket

import pytest
from django.test import override_settings

from cms.api.webhooks.delivery import retry_delay
from cms.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.api.webhooks.tasks import deliver_webhook
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.cms.conftest import add_page

Status = WebhookDelivery.Status


def test_publish_posts_a_signed_payload_once_committed(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tree.theme_page.save_revision().publish()
        assert receiver.requests == [], "no HTTP call before the transaction commits"
        assert WebhookDelivery.objects.get().status == Status.PENDING
    [request] = receiver.requests
    assert request["signed"]
    body = request["json"]
    assert body["event"] == "page.published"
    assert body["page_id"] == tree.theme_page.pk
    assert body["uid"] == str(tree.theme_page.translation_key)
    assert body["locale"] == "nl"
    assert body["type"] == "themes.ThemePage"
    assert body["path"] == "/nl/themas/grofvuil/"
    headers = request["headers"]
    assert headers["X-Vrijhaven-Event-Id"] == body["event_id"]
    assert headers["X-Vrijhaven-Timestamp"] == str(body["timestamp"])
    assert headers["X-Vrijhaven-Signature"].startswith("sha256=")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (Status.DELIVERED, 1, 200)


def test_every_active_endpoint_gets_its_own_signed_copy(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(name="Uit", url=receiver.url, secret="x", active=False)
    other = WebhookEndpoint.objects.create(name="Wijkapp", url=receiver.url, secret="other-secret")
    with django_capture_on_commit_callbacks(execute=True):
        tree.release.save_revision().publish()
    assert WebhookDelivery.objects.count() == 2
    # the receiver only knows the first secret: the other copy is signed with its own
    assert sorted(r["signed"] for r in receiver.requests) == [False, True]
    assert WebhookDelivery.objects.get(endpoint=other).status == Status.FAILED  # 401: refused, not retried


def test_a_rolled_back_publish_sends_nothing(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            tree.theme_page.save_revision().publish()
            raise RuntimeError("editor's request failed")
    assert callbacks == [] and receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_500_is_retried_then_delivered_once(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    receiver.script = [500]
    with django_capture_on_commit_callbacks(execute=True):
        tree.release.save_revision().publish()
    assert [r["status"] for r in receiver.requests] == [500, 200]
    first, second = receiver.requests
    assert first["body"] == second["body"]  # same bytes, same event id: the receiver can de-duplicate
    assert first["headers"]["X-Vrijhaven-Event-Id"] == second["headers"]["X-Vrijhaven-Event-Id"]
    assert len(receiver.delivered) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Status.DELIVERED, 2)
    # the task guards on status: running it again for a delivered row sends nothing
    assert deliver_webhook.apply(args=[delivery.pk]).get() == "skipped"
    assert len(receiver.requests) == 2


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@override_settings(CONTENT_WEBHOOK_MAX_ATTEMPTS=3, CONTENT_WEBHOOK_TIMEOUT=2)
def test_an_unreachable_front_end_fails_after_the_attempt_limit(tree, endpoint, django_capture_on_commit_callbacks):
    endpoint.url = f"http://127.0.0.1:{_closed_port()}/revalidate"
    endpoint.save()
    with django_capture_on_commit_callbacks(execute=True):
        tree.release.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 3)
    assert "gave up after 3 attempts" in delivery.last_error


def test_a_refusing_front_end_is_not_retried(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    receiver.script = [410]
    with django_capture_on_commit_callbacks(execute=True):
        tree.release.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (Status.FAILED, 1, 410)
    assert len(receiver.requests) == 1


def test_backoff_doubles_and_is_capped():
    assert [retry_delay(n) for n in (1, 2, 3)] == [10.0, 20.0, 40.0]
    assert retry_delay(30) == 3600.0


def test_unpublish_move_and_delete_are_announced(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    info = add_page(tree.home, ThemeIndexPage, title="Info")
    with django_capture_on_commit_callbacks(execute=True):
        tree.theme_page.move(info, pos="last-child")
    moved = receiver.requests[-1]["json"]
    assert moved["event"] == "page.moved"
    assert (moved["old_path"], moved["path"]) == ("/nl/themas/grofvuil/", "/nl/info/grofvuil/")

    with django_capture_on_commit_callbacks(execute=True):
        tree.release.unpublish()
    assert receiver.requests[-1]["json"]["event"] == "page.unpublished"

    page_id, uid = tree.article.pk, str(tree.article.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        tree.article.delete()
    # Wagtail unpublishes a live page before deleting it; front ends hear of the deletion only
    assert [r["json"]["event"] for r in receiver.requests[-2:]] == ["page.unpublished", "page.deleted"]
    assert receiver.requests[-2]["json"]["page_id"] == tree.release.pk
    deleted = receiver.requests[-1]["json"]
    assert (deleted["event"], deleted["page_id"], deleted["uid"]) == ("page.deleted", page_id, uid)
    assert deleted["path"] == "/nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1/nieuw-speelplein/"
    assert [r["json"]["event"] for r in receiver.requests].count("page.deleted") == 1
    assert all(r["signed"] for r in receiver.requests)


def test_drafts_moved_or_deleted_are_not_announced(tree, endpoint, receiver, django_capture_on_commit_callbacks):
    draft = add_page(tree.theme_index, ThemePage, title="Concept", publish=False)
    draft_id = draft.pk
    info = add_page(tree.home, ThemeIndexPage, title="Info")
    with django_capture_on_commit_callbacks(execute=True):
        draft.move(info, pos="last-child")
        draft.delete()
    assert not [r for r in receiver.requests if r["json"]["page_id"] == draft_id]
    assert not WebhookDelivery.objects.filter(page_id=draft_id).exists()
