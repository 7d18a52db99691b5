"""The crisis alerts' sweeper queues again a fan-out that was lost, on the crisis queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.crisis.models import CrisisAlert
from automation.crisis.sweep import crisis_alerts_sweep
from automation.messages.models import MessageTemplate
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.django_db


def confirmed_alert(*, minutes_ago: int) -> CrisisAlert:
    alert = CrisisAlert.objects.create(
        title="t", template=MessageTemplate.objects.create(slug=f"t{minutes_ago}", name="t"), channels=["sms"], status="confirmed"
    )
    CrisisAlert.objects.filter(pk=alert.pk).update(confirmed_at=timezone.now() - timedelta(minutes=minutes_ago))
    return alert


def test_a_confirmed_crisis_alert_whose_fan_out_was_lost_is_fanned_out_again(monkeypatch):
    lost = confirmed_alert(minutes_ago=10)
    confirmed_alert(minutes_ago=1)  # its fan-out is surely still on its way
    fanned = record_enqueued(monkeypatch, "automation.fan_out_crisis_alert")
    assert crisis_alerts_sweep() == 1
    assert [(call.args, call.queue) for call in fanned] == [((lost.pk,), "crisis")]
