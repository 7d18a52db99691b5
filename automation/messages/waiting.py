"""Which messages wait instead of going out now: letters, SMS in the quiet hours, messages due later. One rule for every send.

A letter is not sent by a send task: it stays `created` until a print batch takes it
(`print_batch.py`). An SMS that may not go out now (`quiet_hours.py`: 21:00-08:00, never
a crisis alert) stays `created`, unclaimed, with `not_before` set to the end of the quiet
hours; the sweep queues it again then. Any message whose `not_before` lies ahead (an
experiment's version sent some hours later) waits the same way. A single send and a broadcast chunk both ask
`messages_hold_back` before they claim anything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.messages.models import Message
from automation.messages.quiet_hours import quiet_until

Status = Message.Status


@dataclass
class HeldBack:
    ready: list[int] = field(default_factory=list)  # still `created`, may be sent now (sorted)
    waiting: set[int] = field(default_factory=set)  # letters, and texts parked until `not_before`
    absent: int = 0  # ids no longer `created` (sent, being sent, suppressed): nothing to do


def messages_hold_back(*, message_ids: list[int]) -> HeldBack:
    """Sort the messages still `created` into those to send now and those that wait (parking texts)."""
    now = timezone.now()
    held, parked = HeldBack(), defaultdict(list)
    rows = list(
        Message.objects.filter(pk__in=message_ids, status=Status.CREATED).values_list("pk", "channel", "purpose", "not_before")
    )
    for message_id, channel, purpose, not_before in rows:
        if channel == ChannelKind.LETTER:
            held.waiting.add(message_id)  # the next print batch takes it
            continue
        if not_before is not None and not_before > now:
            held.waiting.add(message_id)  # to be sent later (an experiment's send time); the sweep queues it then
            continue
        until = quiet_until(now=now, channel=channel, purpose=purpose)
        if until is None:
            held.ready.append(message_id)
        else:
            parked[until].append(message_id)
    for until, ids in parked.items():
        Message.objects.filter(pk__in=ids, status=Status.CREATED).update(not_before=until, updated_at=now)
        held.waiting.update(ids)
    held.ready.sort()
    held.absent = len(set(message_ids)) - len(rows)
    return held
