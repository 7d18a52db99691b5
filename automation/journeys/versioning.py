"""Saving a journey's design: check it, and build a new immutable version when it changed.

The admin form calls `journey_design_errors` (clean) and `journey_version_publish` (save).
A version's rows are built once and never edited: running enrolments keep pointing at the
version they began on, new enrolments start on the journey's new `live_version`. A save
that changes nothing in the design (block ids aside) makes no new version.
"""

from __future__ import annotations

import json
from datetime import time, timedelta

from django.core.serializers.json import DjangoJSONEncoder

from django.db import transaction
from django.utils import timezone

from automation.journeys.models import Journey, JourneyCondition, JourneyStep, JourneyTrigger, JourneyVersion

NO_START = "geen"
DESIGN_FIELDS = ("trigger_design", "condition_design", "step_design")


def design_definition(journey: Journey) -> dict:
    """The design as plain data without block ids: what a version is compared on."""
    return definition_from_streams({name: getattr(journey, name) for name in DESIGN_FIELDS})


def definition_from_streams(streams: dict) -> dict:
    """StreamValues -> JSON-ready lists of {type, value} (times as "HH:MM:SS" text)."""
    definition = {}
    for name, stream in streams.items():
        raw = json.loads(json.dumps(stream.get_prep_value(), cls=DjangoJSONEncoder))
        definition[name] = [{"type": block["type"], "value": block["value"]} for block in raw]
    return definition


def journey_design_errors(definition: dict) -> dict[str, list[str]]:
    """Field name -> messages (Dutch) for a design that cannot run: unknown or duplicate step keys."""
    errors: dict[str, list[str]] = {}
    steps = definition.get("step_design", [])
    keys = [block["value"].get("key", "").strip() for block in steps]
    for key in {k for k in keys if keys.count(k) > 1}:
        errors.setdefault("step_design", []).append(f"De sleutel '{key}' komt meer dan eens voor bij de stappen.")
    known = set(keys)
    kinds = {block["value"].get("key", "").strip(): block["type"] for block in steps}
    for block in steps:
        value = block["value"]
        if block["type"] != "branch":
            continue
        if value.get("goto", "").strip() not in known:
            errors.setdefault("step_design", []).append(
                f"Splitsen '{value.get('key')}': 'dan naar stap' {value.get('goto')!r} is geen stap van deze journey."
            )
        if value.get("on") == "not_delivered" and kinds.get(value.get("after_step", "").strip()) != "send":
            errors.setdefault("step_design", []).append(
                f"Splitsen '{value.get('key')}': 'eerdere verstuurstap' {value.get('after_step')!r} is geen verstuurstap."
            )
        if value.get("on") == "consent" and not value.get("channel"):
            errors.setdefault("step_design", []).append(f"Splitsen '{value.get('key')}': kies het kanaal.")
    for block in definition.get("trigger_design", []):
        start = (block["value"].get("start_step") or "").strip()
        if start and start != NO_START and start not in known:
            errors.setdefault("trigger_design", []).append(f"'begin bij stap' {start!r} is geen stap van deze journey.")
    return errors


def journey_version_publish(*, journey: Journey, note: str = "") -> JourneyVersion | None:
    """Build a new live version from the journey's design if it differs from the live one."""
    definition = design_definition(journey)
    live = journey.live_version
    if live is not None and live.definition == definition:
        return None
    if live is None and not any(definition.values()):
        return None
    with transaction.atomic():
        locked = Journey.objects.select_for_update().get(pk=journey.pk)
        number = (locked.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = JourneyVersion.objects.create(
            journey=locked, number=number, note=note, definition=definition, published_at=timezone.now()
        )
        steps = _build_steps(version, definition["step_design"])
        _build_conditions(version, definition["condition_design"])
        _build_triggers(version, definition["trigger_design"], steps)
        Journey.objects.filter(pk=journey.pk).update(live_version=version, updated_at=timezone.now())
    journey.live_version = version
    return version


def _build_steps(version: JourneyVersion, blocks: list[dict]) -> dict[str, JourneyStep]:
    steps: list[JourneyStep] = []
    for position, block in enumerate(blocks):
        value = block["value"]
        step = JourneyStep(version=version, key=value["key"].strip(), position=position, kind=block["type"])
        if block["type"] == "send":
            from automation.messages.models import MessageTemplate

            step.template = MessageTemplate.objects.get(slug=value["template"])
            step.channels = value["channels"].split(",")
            step.delivery = value.get("delivery") or JourneyStep.Delivery.FIRST
        elif block["type"] == "wait":
            step.wait_duration = timedelta(days=value.get("days") or 0, hours=value.get("hours") or 0)
            step.wait_until = time.fromisoformat(value["until"]) if value.get("until") else None
        elif block["type"] == "branch":
            step.branch_on = value["on"]
            step.channels = [value["channel"]] if value.get("channel") else []
        step.save()
        steps.append(step)
    by_key = {step.key: step for step in steps}
    for step, following, block in zip(steps, [*steps[1:], None], blocks):
        if step.kind == JourneyStep.Kind.EXIT:
            continue
        step.next_step = following
        if step.kind == JourneyStep.Kind.BRANCH:
            step.branch_step = by_key.get(block["value"].get("goto", "").strip())
            step.branch_on_step = by_key.get((block["value"].get("after_step") or "").strip())
        step.save(update_fields=["next_step", "branch_step", "branch_on_step"])
    return by_key


def _build_conditions(version: JourneyVersion, blocks: list[dict]) -> None:
    for block in blocks:
        value = block["value"]
        JourneyCondition.objects.create(
            version=version,
            field=value["field"],
            key=value.get("key") or "",
            operator=value.get("operator") or JourneyCondition.Operator.EQUALS,
            value=value.get("value") or "",
        )


def _build_triggers(version: JourneyVersion, blocks: list[dict], steps: dict[str, JourneyStep]) -> None:
    from automation.dossiers.models import Milestone
    from cms.core.models import Theme, Wijk
    from cms.core.models.taxonomy import in_source_locale

    first = next(iter(steps.values()), None)
    for block in blocks:
        value, kind = block["value"], block["type"]
        start = (value.get("start_step") or "").strip()
        trigger = JourneyTrigger(version=version, entry_step=None if start == NO_START else steps.get(start, first))
        if value.get("wijk"):
            trigger.wijk = Wijk.objects.get(slug=value["wijk"])
        if value.get("theme"):
            trigger.theme = Theme.objects.filter(in_source_locale()).get(slug=value["theme"])
        if kind in ("milestone", "exit_milestone"):
            dossier_type, code = value["milestone"].split(":", 1)
            trigger.kind = JourneyTrigger.Kind.MILESTONE
            trigger.milestone = Milestone.objects.get(dossier_type__code=dossier_type, code=code)
            if kind == "exit_milestone":
                trigger.action, trigger.entry_step = JourneyTrigger.Action.EXIT, None
        elif kind == "page_published":
            trigger.kind = JourneyTrigger.Kind.PAGE_PUBLISHED
        elif kind == "subscription":
            trigger.kind = JourneyTrigger.Kind.SUBSCRIPTION
            trigger.subscription_kind = value.get("kind") or ""
        elif kind == "project_phase":
            trigger.kind = JourneyTrigger.Kind.PROJECT_PHASE
        elif kind == "project_event":
            trigger.kind = JourneyTrigger.Kind.PROJECT_EVENT
        elif kind == "schedule":
            trigger.kind = JourneyTrigger.Kind.SCHEDULE
            trigger.subscription_kind = value.get("subscription_kind") or ""
            trigger.only_with_news = bool(value.get("only_with_news"))
            hour, minute = (int(part) for part in str(value["time"]).split(":")[:2])
            weekday = value.get("weekday") or "1" if value.get("frequency") == "weekly" else "*"
            trigger.schedule = f"{minute} {hour} * * {weekday}"
        trigger.save()
