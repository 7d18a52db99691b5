"""Two Celery workers sending a newsletter's rest at once, on PostgreSQL: every held citizen gets one message.

The rest is claimed in small chunks with `SKIP LOCKED` and the messages are created in the
claim's transaction (automation/experiments/rest.py). Two workers, each running the send
task for the same experiment at the same moment, must between them send every held
citizen exactly once, and the messages they create are sent by the workers too.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from automation.experiments.models import HeldSend
from automation.experiments.services import SEND_REST
from automation.messages.models import Message
from cms.work.enqueue import enqueue
from tests.automation.experiments.helpers import citizens, enrol, journey_with_experiment
from tests.integration.automation.conftest import wait_until

pytestmark = pytest.mark.integration


def test_two_workers_sending_the_rest_at_once_send_each_citizen_once(start_worker, settings):
    assert connection.vendor == "postgresql"
    from cms.core.models import Wijk

    Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    experiment, trigger = journey_with_experiment(
        purpose="newsletter", outcome="click", outcome_milestone=None, test_share=20,
        rest_deadline=timezone.now() - timedelta(minutes=1),
    )
    enrol(trigger, citizens(120))
    held = HeldSend.objects.filter(experiment=experiment)
    waiting = held.count()
    assert waiting > 60
    first, second = start_worker(), start_worker()
    for _ in range(4):  # more tasks than workers: both workers run one at the same time, then the rest
        enqueue(SEND_REST, experiment.pk, 3)
    wait_until(lambda: not held.filter(status="waiting").exists(), timeout=120, worker=first, what="the rest claimed")
    rest = list(held.values_list("enrolment__citizen_id", flat=True))
    wait_until(
        lambda: Message.objects.filter(citizen_id__in=rest, status="sent").count() >= waiting,
        timeout=180, worker=second, what="the rest's messages sent",
    )
    per_citizen = Counter(Message.objects.filter(citizen_id__in=rest).values_list("citizen_id", flat=True))
    assert len(per_citizen) == waiting and set(per_citizen.values()) == {1}
    logs = [worker.log_path.read_text() for worker in (first, second)]
    assert all(f"Task {SEND_REST}[" in log and "succeeded" in log for log in logs)  # both workers took part
    experiment.refresh_from_db()
    assert experiment.status == "finished" and experiment.winner == "A"
