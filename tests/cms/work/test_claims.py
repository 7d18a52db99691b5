"""Compare-and-set on a status, for any model that has one: exactly one caller moves a row on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from cms.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.work.claims import NEXT_ATTEMPT, compare_and_set, compare_and_set_each, compare_and_set_many

pytestmark = pytest.mark.django_db
Status = WebhookDelivery.Status


@pytest.fixture
def rows():
    endpoint = WebhookEndpoint.objects.create(name="Stad", url="https://example.test/hook")

    def make(count, status=Status.PENDING):
        made = [
            WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", page_id=n, body="{}", status=status)
            for n in range(count)
        ]
        WebhookDelivery.objects.update(updated_at=timezone.now() - timedelta(hours=1))
        return [row.pk for row in made]

    return make


def state(pk):
    return WebhookDelivery.objects.values_list("status", "attempts", "last_error").get(pk=pk)


def test_a_claim_wins_once_counts_the_attempt_and_touches_the_row(rows):
    [pk] = rows(1)
    before = WebhookDelivery.objects.get(pk=pk).updated_at
    claim = dict(from_status=Status.PENDING, to_status=Status.SENDING, attempts=NEXT_ATTEMPT)
    assert compare_and_set(WebhookDelivery, pk=pk, **claim)
    assert not compare_and_set(WebhookDelivery, pk=pk, **claim)  # the second worker: left alone
    assert state(pk) == (Status.SENDING, 1, "")
    assert WebhookDelivery.objects.get(pk=pk).updated_at > before  # the sweep sees it is busy


def test_many_rows_move_only_if_still_in_the_status_and_the_moved_ids_come_back(rows):
    first, second, third = rows(3)
    WebhookDelivery.objects.filter(pk=second).update(status=Status.DELIVERED)
    moved = compare_and_set_many(
        WebhookDelivery.objects.filter(pk__in=[third, second, first]),
        from_status=Status.PENDING,
        to_status=Status.FAILED,
        last_error="gone",
    )
    assert moved == [first, third]
    assert [state(pk) for pk in (first, second, third)] == [
        (Status.FAILED, 0, "gone"),
        (Status.DELIVERED, 0, ""),
        (Status.FAILED, 0, "gone"),
    ]


def test_a_limit_takes_the_first_rows_by_id(rows):
    ids = rows(4)
    moved = compare_and_set_many(
        WebhookDelivery.objects.all(), from_status=Status.PENDING, to_status=Status.SENDING, limit=2, attempts=F("attempts") + 1
    )
    assert moved == ids[:2]
    assert [state(pk)[:2] for pk in ids] == [(Status.SENDING, 1), (Status.SENDING, 1), (Status.PENDING, 0), (Status.PENDING, 0)]


def test_each_row_gets_its_own_values_and_rows_in_another_status_keep_theirs(rows):
    first, second = rows(2, status=Status.SENDING)
    WebhookDelivery.objects.filter(pk=second).update(status=Status.PENDING)  # taken back by a sweep meanwhile
    moved = compare_and_set_each(
        WebhookDelivery,
        values={first: {"response_status": 200}, second: {"response_status": 204}},
        from_status=Status.SENDING,
        to_status=Status.DELIVERED,
        last_error="",
    )
    assert moved == [first]
    assert list(WebhookDelivery.objects.values_list("pk", "status", "response_status").order_by("pk")) == [
        (first, Status.DELIVERED, 200),
        (second, Status.PENDING, None),
    ]


def test_values_per_row_take_no_expressions_for_the_common_fields(rows):
    [pk] = rows(1, status=Status.SENDING)
    with pytest.raises(ValueError, match="plain values"):
        compare_and_set_each(
            WebhookDelivery, values={pk: {"response_status": 200}}, from_status=Status.SENDING,
            to_status=Status.DELIVERED, attempts=NEXT_ATTEMPT,
        )  # fmt: skip
    assert state(pk)[0] == Status.SENDING
