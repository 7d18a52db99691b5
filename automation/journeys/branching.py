"""Branch steps: the test that decides whether an enrolment jumps to the branch's target step.

- `not_delivered`: the messages an earlier send step made in this enrolment did not get
  through: every one ended `failed` (a hard bounce turns a sent email into `failed`, see
  automation/messages/tracking.py) or `suppressed`, or the step made none at all (no
  channel the citizen can receive). A message still `created`, `sending`, `sent` or
  `delivered` counts as on its way, so put a wait step before such a branch to give
  bounces time to come back ("wacht 1 dag, als de e-mail niet afgeleverd werd: sms").
- `consent`: the citizen said yes to the step's channel (the latest consent row).

The statuses are read from the message rows, never from memory, so a branch after a
wait sees what the provider reported in between.
"""

from __future__ import annotations

from automation.contacts.selectors import citizen_consents
from automation.journeys.models import Enrolment, JourneyStep
from automation.messages.models import Message

ON_ITS_WAY = (Message.Status.CREATED, Message.Status.SENDING, Message.Status.SENT, Message.Status.DELIVERED)


def branch_taken(*, enrolment: Enrolment, step: JourneyStep) -> bool:
    if step.branch_on == JourneyStep.BranchOn.NOT_DELIVERED:
        statuses = Message.objects.filter(enrolment=enrolment, step_id=step.branch_on_step_id).values_list(
            "status", flat=True
        )
        return not any(status in ON_ITS_WAY for status in statuses)
    if step.branch_on == JourneyStep.BranchOn.CONSENT:
        if enrolment.citizen is None or not step.channels:
            return False
        return citizen_consents(citizen=enrolment.citizen).get(step.channels[0]) is True
    return False
