"""The safety net: re-queue work that a lost worker or a lost queue message left behind.

Every unit of automation work is a row with a status, so nothing depends on a queue
message surviving:
- a message `created` for longer than a few minutes lost its task: queue its id again
  (harmless if the task was merely slow: the compare-and-set lets one worker through);
  one parked by the SMS quiet hours is queued when its `not_before` has passed; a
  letter waits for the print batch, not for a task, and is left alone;
- a message `sending` for longer than `AUTOMATION_SENDING_TIMEOUT` lost its worker in the
  middle of a provider call: put it back to `created` (the attempt counts), mark it
  `in_doubt` and queue it. The provider may have accepted it before the worker died, so
  the next attempt first asks the provider (`Channel.find_sent`) and sends only if the
  provider does not have it;
- a dossier event still `received` lost its processing task: queue it again (processing
  acts only on `received`, and enrolments are unique per event);
- a crisis alert still `confirmed` lost its fan-out: queue it again (the fan-out makes
  only the messages not yet made).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.dossiers.models import DossierEvent
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from automation.messages.transitions import message_transition

logger = logging.getLogger(__name__)

CREATED_GRACE = timedelta(minutes=5)
RECEIVED_GRACE = timedelta(minutes=5)


def sweep_stuck(*, limit: int = 5000) -> dict[str, int]:
    now = timezone.now()
    counts = {"created": 0, "sending": 0, "events": 0, "crisis_alerts": 0}

    stale_sending = Message.objects.filter(
        status=Message.Status.SENDING, updated_at__lt=now - timedelta(seconds=settings.AUTOMATION_SENDING_TIMEOUT)
    ).values_list("pk", flat=True)[:limit]
    released = [
        message_id
        for message_id in stale_sending
        if message_transition(
            message_id=message_id,
            from_status=Message.Status.SENDING,
            to_status=Message.Status.CREATED,
            detail="no outcome recorded in time (worker lost?): queued again, provider asked first",
            in_doubt=True,
        )
    ]
    counts["sending"] = len(released)

    stale_created = list(
        Message.objects.filter(status=Message.Status.CREATED)
        .exclude(channel=ChannelKind.LETTER)
        .filter(Q(not_before__isnull=True, updated_at__lt=now - CREATED_GRACE) | Q(not_before__lte=now))
        .values_list("pk", flat=True)[:limit]
    )
    counts["created"] = len(stale_created)
    messages_queue(message_ids=released + stale_created)

    from automation.dossiers.services import queue_event_processing

    for event_pk in DossierEvent.objects.filter(
        status=DossierEvent.Status.RECEIVED, received_at__lt=now - RECEIVED_GRACE
    ).values_list("pk", flat=True)[:limit]:
        queue_event_processing(event_pk)
        counts["events"] += 1
    from automation.crisis.models import CrisisAlert
    from automation.crisis.services import queue_fan_out

    for alert_pk in CrisisAlert.objects.filter(
        status=CrisisAlert.Status.CONFIRMED, confirmed_at__lt=now - RECEIVED_GRACE
    ).values_list("pk", flat=True):
        queue_fan_out(alert_pk)
        counts["crisis_alerts"] += 1
    if any(counts.values()):
        logger.warning("Sweep re-queued stuck automation work: %s", counts)
    return counts
