"""A journey version read into plain nodes for the diagram: steps with their words, and what starts them.

Plain frozen dataclasses, so the layout and drawing can be tested (and reused) without a
database. Two queries whatever the size of the journey (the steps, and the triggers), plus
what the apps that give a send step other versions read to name them (an experiment's arms).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from automation.channels.kinds import ChannelKind
from automation.journeys.models import JourneyStep, JourneyTrigger, JourneyVersion
from automation.journeys.variants import step_versions_text

Kind = JourneyStep.Kind

KIND_TITLES = {Kind.SEND: "Versturen", Kind.WAIT: "Wachten", Kind.BRANCH: "Splitsen", Kind.EXIT: "Stoppen"}


@dataclass(frozen=True)
class StepNode:
    id: int
    key: str
    kind: str
    detail: str  # template and channels, how long to wait, what a branch tests
    next_id: int | None = None
    branch_id: int | None = None
    versions: str = ""  # a send step's experiment arms with their split and people so far ('' for none)

    @property
    def title(self) -> str:
        return f"{KIND_TITLES.get(self.kind, self.kind)}: {self.key}"


@dataclass(frozen=True)
class EntryNode:
    """What starts enrolments at one step (every trigger that enters there, in one box)."""

    step_id: int
    labels: tuple[str, ...]


@dataclass(frozen=True)
class JourneyGraph:
    steps: tuple[StepNode, ...]  # in the order they are designed
    entries: tuple[EntryNode, ...]
    stops: tuple[str, ...] = ()  # milestones that end running enrolments (exit triggers)
    unstarted: tuple[str, ...] = ()  # triggers that are recognised but start no step


def _channels(step: JourneyStep) -> str:
    names = [ChannelKind(value).label if value in ChannelKind.values else value for value in step.channels]
    if step.delivery == JourneyStep.Delivery.FIRST:
        return " → ".join(names) + " (het eerste dat aankomt)"
    return ", ".join(names)


def _duration(wait: timedelta | None, until: time | None) -> str:
    parts = []
    if wait:
        days, hours, minutes = wait.days, wait.seconds // 3600, wait.seconds % 3600 // 60
        parts += [f"{days} dag{'en' if days != 1 else ''}"] if days else []
        parts += [f"{hours} uur"] if hours else []
        parts += [f"{minutes} min."] if minutes else []
    if until is not None:
        parts.append(f"tot {until:%H:%M}")
    return " ".join(parts) or "niet"


def step_detail(step: JourneyStep, keys: dict[int, str]) -> str:
    if step.kind == Kind.SEND:
        template = step.template.name if step.template_id else "?"
        return f"{template} · {_channels(step)}"
    if step.kind == Kind.WAIT:
        return _duration(step.wait_duration, step.wait_until)
    if step.kind == Kind.BRANCH:
        if step.branch_on == JourneyStep.BranchOn.NOT_DELIVERED:
            test = f"niet afgeleverd na {keys.get(step.branch_on_step_id, '?')}"
        elif step.branch_on == JourneyStep.BranchOn.CONSENT:
            test = f"toestemming voor {', '.join(step.channels) or '?'}"
        else:
            test = step.branch_on or "?"
        return f"als {test}: naar {keys.get(step.branch_step_id, '?')}"
    return "einde van de journey"


def trigger_label(trigger: JourneyTrigger) -> str:
    if trigger.kind == JourneyTrigger.Kind.MILESTONE and trigger.milestone_id:
        return f"mijlpaal {trigger.milestone.name}"
    detail = trigger.wijk.name if trigger.wijk_id else trigger.theme.name if trigger.theme_id else ""
    detail = detail or trigger.subscription_kind or trigger.schedule
    return f"{trigger.get_kind_display()}{f' ({detail})' if detail else ''}"


def journey_graph(version: JourneyVersion) -> JourneyGraph:
    steps = list(version.steps.select_related("template").order_by("position", "pk"))
    keys = {step.pk: step.key for step in steps}
    nodes = tuple(
        StepNode(
            id=step.pk,
            key=step.key,
            kind=step.kind,
            detail=step_detail(step, keys),
            next_id=step.next_step_id if step.next_step_id in keys else None,
            branch_id=step.branch_step_id if step.kind == Kind.BRANCH and step.branch_step_id in keys else None,
            versions=step_versions_text(journey_id=version.journey_id, step_key=step.key) if step.kind == Kind.SEND else "",
        )
        for step in steps
    )
    entering: dict[int, list[str]] = {}
    stops, unstarted = [], []
    triggers = version.triggers.select_related("milestone", "wijk", "theme").order_by("pk")
    for trigger in triggers:
        label = trigger_label(trigger)
        if trigger.action == JourneyTrigger.Action.EXIT:
            stops.append(label)
        elif trigger.entry_step_id in keys:
            entering.setdefault(trigger.entry_step_id, []).append(label)
        else:
            unstarted.append(label)
    entries = tuple(EntryNode(step_id=step_id, labels=tuple(labels)) for step_id, labels in entering.items())
    return JourneyGraph(steps=nodes, entries=entries, stops=tuple(stops), unstarted=tuple(unstarted))
