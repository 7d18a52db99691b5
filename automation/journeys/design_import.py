"""A design read back from a version's rows, for journeys built before the admin builder.

Such a journey has a live version but an empty design; the edit screen shows this design
instead of an empty form, so saving it cannot silently drop the steps that run today.
"""

from __future__ import annotations

from automation.journeys.models import Journey, JourneyStep, JourneyTrigger, JourneyVersion
from automation.journeys.versioning import DESIGN_FIELDS, NO_START


def design_missing(journey: Journey) -> bool:
    return journey.live_version_id is not None and not any(len(getattr(journey, name)) for name in DESIGN_FIELDS)


def design_from_version(version: JourneyVersion) -> dict[str, list[tuple[str, dict]]]:
    steps = list(version.steps.select_related("template", "branch_step", "branch_on_step").order_by("position", "pk"))
    first = steps[0] if steps else None
    return {
        "trigger_design": [_trigger(t, first) for t in version.triggers.select_related("milestone__dossier_type", "wijk", "theme", "entry_step")],
        "condition_design": [
            ("condition", {"field": c.field, "key": c.key, "operator": c.operator, "value": c.value})
            for c in version.conditions.all()
        ],
        "step_design": [_step(step) for step in steps],
    }


def _trigger(trigger: JourneyTrigger, first) -> tuple[str, dict]:
    start = "" if trigger.entry_step_id == getattr(first, "pk", None) else (trigger.entry_step.key if trigger.entry_step else NO_START)
    wijk, theme = getattr(trigger.wijk, "slug", ""), getattr(trigger.theme, "slug", "")
    if trigger.kind == JourneyTrigger.Kind.MILESTONE:
        milestone = f"{trigger.milestone.dossier_type.code}:{trigger.milestone.code}"
        if trigger.action == JourneyTrigger.Action.EXIT:
            return "exit_milestone", {"milestone": milestone}
        return "milestone", {"milestone": milestone, "start_step": start}
    if trigger.kind == JourneyTrigger.Kind.PAGE_PUBLISHED:
        return "page_published", {"wijk": wijk, "theme": theme, "start_step": start}
    if trigger.kind == JourneyTrigger.Kind.SUBSCRIPTION:
        return "subscription", {"kind": trigger.subscription_kind, "wijk": wijk, "start_step": start}
    minute, hour, _dom, _month, weekday = trigger.schedule.split()
    return "schedule", {
        "frequency": "daily" if weekday == "*" else "weekly",
        "weekday": "" if weekday == "*" else weekday,
        "time": f"{int(hour):02d}:{int(minute):02d}:00",
        "subscription_kind": trigger.subscription_kind,
        "wijk": wijk,
        "theme": theme,
        "only_with_news": trigger.only_with_news,
        "start_step": start,
    }


def _step(step: JourneyStep) -> tuple[str, dict]:
    if step.kind == JourneyStep.Kind.SEND:
        return "send", {"key": step.key, "template": step.template.slug, "channels": ",".join(step.channels),
                        "delivery": step.delivery}
    if step.kind == JourneyStep.Kind.WAIT:
        duration = step.wait_duration
        return "wait", {
            "key": step.key,
            "days": duration.days if duration else None,
            "hours": duration.seconds // 3600 if duration else None,
            "until": step.wait_until.strftime("%H:%M:%S") if step.wait_until else None,
        }
    if step.kind == JourneyStep.Kind.BRANCH:
        return "branch", {
            "key": step.key,
            "on": step.branch_on,
            "after_step": getattr(step.branch_on_step, "key", ""),
            "channel": step.channels[0] if step.channels else "",
            "goto": getattr(step.branch_step, "key", ""),
        }
    return "exit", {"key": step.key}
