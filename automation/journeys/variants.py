"""Another version of a send step for one citizen: the seam through which experiments change a step.

A journey does not know experiments (they live above it, in automation/experiments); it
asks the choosers registered here, from an app's `AppConfig.ready`, whether a send step has
another version for this enrolment. A chooser answers `None` (the step as designed) or a
`StepVariant`: other words, another channel, a later send time, or "hold" (a newsletter's
rest group waits for the winner). The runtime applies it and hands the messages it created
back to `record`, inside the same transaction, so what was sent and which version it was
are stored together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class StepVariant:
    name: str  # the version's name, for the log ("B")
    subject: str = ""  # template text (safe placeholders); empty: the step's template
    text: str = ""
    channel: str = ""  # empty: the step's channels
    delay: timedelta | None = None  # sent this long after the step runs
    hold: bool = False  # create nothing now (a newsletter's rest group)
    record: Callable[[list], None] | None = None  # called with the messages created (none when held)


Chooser = Callable[..., StepVariant | None]  # chooser(*, enrolment, step)

_choosers: dict[str, Chooser] = {}


def register_variant_chooser(name: str, chooser: Chooser) -> None:
    known = _choosers.get(name)
    if known is not None and known is not chooser:
        raise ImproperlyConfigured(f"two variant choosers are registered as {name!r}")
    _choosers[name] = chooser


def step_variant(*, enrolment, step) -> StepVariant | None:
    """The first version a registered chooser gives this enrolment's step, or None."""
    for chooser in _choosers.values():
        variant = chooser(enrolment=enrolment, step=step)
        if variant is not None:
            return variant
    return None
