"""Read-only answers about message experiments for other screens (the journey diagram may show the arms).

`step_arms` is what a drawing of a journey needs to show a send step's versions: their
names, split and whether a guardrail stopped one, for the experiment running (or finished)
on that step; `step_arms_text` writes them in one line for the journey diagram (registered
through automation.journeys.variants). It reads only; nothing here changes an experiment.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from automation.experiments.choosing import experiment_for_step


@dataclass(frozen=True)
class StepArm:
    name: str
    weight: int
    exposed: int
    control: bool
    stopped: bool


def step_arms(*, journey_id: int, step_key: str) -> list[StepArm]:
    """The versions of the experiment on this journey's send step (control first), or [] when there is none."""
    experiment = experiment_for_step(journey_id=journey_id, step_key=step_key)
    if experiment is None:
        return []
    arms = experiment.arms.order_by("sort_order", "pk").annotate(exposed=Count("exposures"))
    return [
        StepArm(name=arm.name, weight=arm.weight, exposed=arm.exposed, control=index == 0, stopped=arm.stopped_at is not None)
        for index, arm in enumerate(arms)
    ]


def step_arms_text(*, journey_id: int, step_key: str) -> str | None:
    """The arms as the journey diagram writes them: name, share of the split and people exposed so far."""
    arms = step_arms(journey_id=journey_id, step_key=step_key)
    if not arms:
        return None
    total = sum(arm.weight for arm in arms) or 1
    return "Experiment: " + " · ".join(
        f"{arm.name} {round(100 * arm.weight / total)} % ({arm.exposed}{', gestopt' if arm.stopped else ''})" for arm in arms
    )
