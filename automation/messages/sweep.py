"""The messages' sweeper (registered with `cms.work.sweep` in AutomationMessagesConfig.ready).

- a message `created` for longer than a few minutes lost its task: queue its id again
  (harmless if the task was merely slow: the compare-and-set lets one worker through);
  one parked by the SMS quiet hours is queued when its `not_before` has passed; a
  letter waits for the print batch, not for a task, and is left alone;
- a message `sending` for longer than `AUTOMATION_SENDING_TIMEOUT` lost its worker in the
  middle of a provider call: put it back to `created` (the attempt counts), mark it
  `in_doubt` and queue it. The provider may have accepted it before the worker died, so
  the next attempt first asks the provider (`Channel.find_sent`) and sends only if the
  provider does not have it. A row locked right now (a worker recording its outcome) is
  busy, not stuck, and is left alone.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.messages.models import Message
from automation.messages.queueing import messages_queue
from automation.messages.transitions import messages_transition
from cms.work.sweep import stuck

Status = Message.Status
CREATED_GRACE = timedelta(minutes=5)
LOST_WORKER = "no outcome recorded in time (worker lost?): queued again, provider asked first"


def messages_sweep(*, limit: int = 5000) -> dict[str, int]:
    """Queue again the messages lost with a worker or a task; returns how many of each."""
    now = timezone.now()
    lost_in_sending = stuck(
        Message.objects.all(), status=Status.SENDING, idle_for=timedelta(seconds=settings.AUTOMATION_SENDING_TIMEOUT), now=now
    )
    released = messages_transition(
        messages=list(lost_in_sending.values_list("pk", flat=True)[:limit]),
        from_status=Status.SENDING,
        to_status=Status.CREATED,
        detail=LOST_WORKER,
        skip_locked=True,
        in_doubt=True,
    )
    lost_task = list(
        Message.objects.filter(status=Status.CREATED)
        .exclude(channel=ChannelKind.LETTER)
        .filter(Q(not_before__isnull=True, updated_at__lt=now - CREATED_GRACE) | Q(not_before__lte=now))
        .values_list("pk", flat=True)[:limit]
    )
    messages_queue(message_ids=released + lost_task)
    return {"created": len(lost_task), "sending": len(released)}
