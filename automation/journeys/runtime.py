"""The journey runtime: what a dossier event sets in motion, exactly once.

Called by dossier-event processing inside its transaction, so everything here commits
together with the event's new status, or not at all:

1. Running enrolments of the same dossier whose own version (not the live one: runs
   finish on the version they began) has an exit trigger for this milestone are exited.
2. For each live journey version with an enrol trigger for this milestone, whose
   conditions hold, one enrolment is created, unique per (journey, event). A repeated
   event cannot enrol twice even if it got this far.
3. The enrolment runs from the trigger's entry step: send steps create one message per
   channel (all channels the citizen can receive, or the first, as the step says; the
   citizen's preferred channel, when the step uses it, comes first),
   a send step may go out in another version (an experiment, variants.py),
   wait steps park the enrolment until `wake_at`, a branch step jumps when its test holds
   (branching.py), an exit step ends it.

Enrolments started by something other than a dossier event (a page, a subscription, a
schedule: triggers.py) go through `enrolment_start`, unique per journey, citizen and
occasion.

Returns the new messages' ids; the caller queues them after commit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen
from automation.contacts.selectors import citizen_can_receive, citizen_consents
from automation.journeys.branching import branch_taken
from automation.journeys.conditions import conditions_hold
from automation.journeys.models import Enrolment, JourneyStep, JourneyTrigger, StepPassage
from automation.journeys.selectors import EXITED_ON_MILESTONE, milestone_triggers, running_enrolments_exited_by
from automation.journeys.variants import StepVariant, step_variant
from automation.messages.context import message_context
from automation.messages.creation import NoContent, Origin, message_create, rendered_for
from automation.messages.rendering import Rendered, render_string

logger = logging.getLogger(__name__)

MAX_STEPS_PER_RUN = 50  # a guard against a step cycle an editor built by mistake


@dataclass
class EventOutcome:
    matched: bool
    message_ids: list[int] = field(default_factory=list)


def journeys_handle_event(*, event, citizen: Citizen, dossier) -> EventOutcome:
    now = timezone.now()
    exited = running_enrolments_exited_by(dossier=dossier, dossier_type=event.dossier_type, milestone=event.milestone)
    exited_count = exited.update(
        status=Enrolment.Status.EXITED, finished_at=now, wake_at=None, detail=f"{EXITED_ON_MILESTONE}{event.milestone}"
    )
    triggers = list(milestone_triggers(dossier_type=event.dossier_type, milestone=event.milestone))
    outcome = EventOutcome(matched=bool(triggers) or exited_count > 0)
    consents = citizen_consents(citizen=citizen)
    data = event.payload.get("data") or {}
    for trigger in triggers:
        if trigger.action != JourneyTrigger.Action.ENROL:
            continue
        if not conditions_hold(version=trigger.version, citizen=citizen, data=data, consents=consents):
            continue
        enrolment = _enrol(trigger=trigger, citizen=citizen, dossier=dossier, event=event)
        if enrolment is not None:
            outcome.message_ids += enrolment_run(enrolment=enrolment, step=trigger.entry_step)
    return outcome


def _enrol(*, trigger: JourneyTrigger, citizen, dossier, event) -> Enrolment | None:
    journey = trigger.version.journey
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                journey=journey, version=trigger.version, trigger=trigger, citizen=citizen, dossier=dossier, event=event
            )
    except IntegrityError:  # already enrolled for this event: exactly once
        logger.info("Event %s already enrolled in journey %s", event.pk, journey.slug)
        return None


def enrolment_start(*, trigger: JourneyTrigger, citizen: Citizen, occasion: str, context: dict | None = None) -> list[int]:
    """Enrol once per (journey, citizen, occasion) and run from the trigger's entry step."""
    journey = trigger.version.journey
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                journey=journey, version=trigger.version, trigger=trigger, citizen=citizen,
                occasion=occasion, context=context or {},
            )
    except IntegrityError:
        logger.info("Citizen %s already enrolled in journey %s for %s", citizen.pk, journey.slug, occasion)
        return []
    return enrolment_run(enrolment=enrolment, step=trigger.entry_step)


def enrolment_run(*, enrolment: Enrolment, step: JourneyStep | None) -> list[int]:
    """Run steps from `step` until the enrolment waits or ends; return the messages created."""
    message_ids: list[int] = []
    for _ in range(MAX_STEPS_PER_RUN):
        if step is None:
            _finish(enrolment, Enrolment.Status.COMPLETED)
            return message_ids
        enrolment.current_step = step
        _passage_record(enrolment=enrolment, step=step)
        if step.kind == JourneyStep.Kind.SEND:
            message_ids += _send(enrolment=enrolment, step=step)
            step = step.next_step
        elif step.kind == JourneyStep.Kind.WAIT:
            enrolment.status, enrolment.wake_at = Enrolment.Status.WAITING, wake_time(step=step, now=timezone.now())
            enrolment.save(update_fields=["current_step", "status", "wake_at"])
            return message_ids
        elif step.kind == JourneyStep.Kind.BRANCH:
            step = step.branch_step if branch_taken(enrolment=enrolment, step=step) else step.next_step
        elif step.kind == JourneyStep.Kind.EXIT:
            _finish(enrolment, Enrolment.Status.COMPLETED)
            return message_ids
        else:
            _finish(enrolment, Enrolment.Status.FAILED, f"unknown step kind {step.kind!r}")
            return message_ids
    _finish(enrolment, Enrolment.Status.FAILED, f"more than {MAX_STEPS_PER_RUN} steps in one run: a cycle?")
    return message_ids


def _passage_record(*, enrolment: Enrolment, step: JourneyStep) -> None:
    """Note that the enrolment reached the step (the diagram's "entered"); a second visit adds nothing."""
    StepPassage.objects.bulk_create([StepPassage(enrolment=enrolment, step=step)], ignore_conflicts=True)


def wake_time(*, step: JourneyStep, now: datetime) -> datetime:
    """When a wait step ends: after its duration, then at its time of day (Europe/Brussels) if set."""
    moment = now + (step.wait_duration or timedelta())
    if step.wait_until is not None:
        local = timezone.localtime(moment)
        candidate = local.replace(
            hour=step.wait_until.hour, minute=step.wait_until.minute, second=0, microsecond=0
        )
        if candidate < local:
            candidate += timedelta(days=1)
        moment = candidate
    return moment


def _send(*, enrolment: Enrolment, step: JourneyStep) -> list[int]:
    variant = step_variant(enrolment=enrolment, step=step)
    if variant is not None and variant.hold:
        if variant.record is not None:
            variant.record([])
        return []
    return step_send(enrolment=enrolment, step=step, variant=variant)


def step_send(*, enrolment: Enrolment, step: JourneyStep, variant: StepVariant | None = None) -> list[int]:
    """Create this step's messages for the enrolment, as designed or in `variant`'s version.

    Also called by experiments to send a held newsletter's rest the winning version.
    """
    citizen = enrolment.citizen
    consents = citizen_consents(citizen=citizen)
    order = [ChannelKind(variant.channel)] if variant is not None and variant.channel else step.channel_order()
    channels = [c for c in channels_preferred_first(order, citizen.preferred_channel)
                if citizen_can_receive(citizen=citizen, channel=c, consents=consents)]
    if step.delivery == JourneyStep.Delivery.FIRST:
        channels = channels[:1]
    context = {**message_context(citizen=citizen, dossier=enrolment.dossier, event=enrolment.event), **enrolment.context}
    origin = Origin(
        journey=enrolment.journey, enrolment=enrolment, step=step, dossier=enrolment.dossier, event=enrolment.event
    )
    not_before = timezone.now() + variant.delay if variant is not None and variant.delay else None
    messages = []
    for channel in channels:
        try:
            message = message_create(
                citizen=citizen,
                channel=channel,
                template=step.template,
                purpose=enrolment.journey.purpose,
                context=context,
                origin=origin,
                rendered=_variant_rendered(step=step, channel=channel, citizen=citizen, context=context, variant=variant),
                not_before=not_before,
            )
        except NoContent as error:
            logger.warning("Journey %s step %s: %s", enrolment.journey.slug, step.key, error)
            continue
        messages.append(message)
    if variant is not None and variant.record is not None:
        variant.record(messages)
    return [message.pk for message in messages]


def _variant_rendered(*, step, channel, citizen, context, variant: StepVariant | None) -> Rendered | None:
    """None (the template as usual) unless the variant has words of its own."""
    if variant is None or not (variant.subject or variant.text):
        return None
    try:
        base = rendered_for(template=step.template, channel=channel, language=citizen.language, context=context)
    except NoContent:
        if not variant.text:
            raise
        base = Rendered(language=citizen.language, subject="", text="", html="")
    return Rendered(
        language=base.language,
        subject=render_string(variant.subject, context, html=False) if variant.subject else base.subject,
        text=render_string(variant.text, context, html=False) if variant.text else base.text,
        html="" if variant.text else base.html,
    )


def channels_preferred_first(order: list, preferred: str) -> list:
    """The step's channels with the citizen's chosen one first, when the step uses it at all."""
    return sorted(order, key=lambda channel: channel != preferred) if preferred in order else list(order)


def _finish(enrolment: Enrolment, status: str, detail: str = "") -> None:
    enrolment.status, enrolment.finished_at, enrolment.wake_at = status, timezone.now(), None
    enrolment.detail = detail
    enrolment.save(update_fields=["current_step", "status", "finished_at", "wake_at", "detail"])
