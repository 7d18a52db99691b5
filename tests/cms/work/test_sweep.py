"""The one sweep: every registered sweeper runs, one failing does not stop the others, and beat runs it."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from cms.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.work import sweep
from cms.work.enqueue import registered_task


@pytest.fixture
def sweepers(monkeypatch):
    """A registry of its own for the test; the apps' sweepers are put back afterwards."""
    monkeypatch.setattr(sweep, "_sweepers", {})
    return sweep


def test_every_registered_sweeper_runs_and_reports_what_it_queued(sweepers):
    ran = []
    sweepers.register_sweeper("letters", lambda: ran.append("letters") or 2)
    sweepers.register_sweeper("parcels", lambda: ran.append("parcels") or {"lost": 0, "stuck": 1})
    assert sweepers.sweep_all() == {"letters": 2, "parcels": {"lost": 0, "stuck": 1}}
    assert ran == ["letters", "parcels"]


def test_a_sweeper_that_raises_is_logged_and_the_others_still_run(sweepers, caplog):
    ran = []

    def broken():
        raise ConnectionError("database went away")

    sweepers.register_sweeper("first", lambda: ran.append("first") or 0)
    sweepers.register_sweeper("broken", broken)
    sweepers.register_sweeper("last", lambda: ran.append("last") or 1)
    with caplog.at_level(logging.WARNING, logger="cms.work.sweep"):
        results = sweepers.sweep_all()
    assert ran == ["first", "last"]
    assert results == {"first": 0, "broken": "failed: ConnectionError: database went away", "last": 1}
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == ["Sweeper broken failed"]
    assert caplog.records[-1].getMessage() == "Sweep re-queued stuck work: {'first': 0, 'last': 1}"


def test_a_name_is_taken_by_one_sweeper_only(sweepers):
    def mine():
        return 0

    sweepers.register_sweeper("messages", mine)
    sweepers.register_sweeper("messages", mine)  # ready() run twice: harmless
    with pytest.raises(ImproperlyConfigured, match="messages"):
        sweepers.register_sweeper("messages", lambda: 0)
    assert sweepers.registered_sweepers() == {"messages": mine}


def test_each_app_registers_its_sweeper_when_django_starts():
    assert set(sweep.registered_sweepers()) == {
        "messages", "dossier_events", "crisis_alerts", "webhook_deliveries", "edition_prints", "message_experiments"
    }


def test_the_beat_task_runs_the_sweep(sweepers):
    sweepers.register_sweeper("letters", lambda: 3)
    assert registered_task("work.sweep").apply().get() == {"letters": 3}


def test_every_task_the_beat_schedule_names_is_registered():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "work.sweep" in scheduled
    for name in scheduled:
        registered_task(name)  # raises UnknownTask for a name no worker knows


@pytest.mark.django_db
def test_stuck_rows_are_those_in_the_status_untouched_for_longer_than_allowed():
    endpoint = WebhookEndpoint.objects.create(name="Stad", url="https://example.test/hook")

    def delivery(status, *, minutes_idle):
        row = WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", page_id=1, body="{}", status=status)
        WebhookDelivery.objects.filter(pk=row.pk).update(updated_at=timezone.now() - timedelta(minutes=minutes_idle))
        return row.pk

    oldest = delivery("sending", minutes_idle=30)
    old = delivery("sending", minutes_idle=11)
    delivery("sending", minutes_idle=2)  # busy, not stuck
    delivery("pending", minutes_idle=60)  # another status
    found = sweep.stuck(WebhookDelivery.objects.all(), status="sending", idle_for=timedelta(minutes=10))
    assert list(found.values_list("pk", flat=True)) == [oldest, old]
