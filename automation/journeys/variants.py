"""Another version of a send step for one citizen: the seam through which experiments change a step.

A journey does not know experiments (they live above it, in automation/experiments); it
asks the choosers registered here, from an app's `AppConfig.ready`, whether a send step has
another version for this enrolment. A chooser answers `None` (the step as designed) or a
`StepVariant`: other words, another channel, a later send time, or "hold" (a newsletter's
rest group waits for the winner). The runtime applies it and hands the messages it created
back to `record`, inside the same transaction, so what was sent and which version it was
are stored together or not at all.

The same apps say how a step's versions read in a drawing of the journey
(`register_versions_describer`; the journey diagram calls `step_versions_text`), so the
diagram shows an experiment's arms without knowing experiments either.
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
Describer = Callable[..., str | None]  # describer(*, journey_id, step_key): e.g. "Experiment: A 50 % (120) · B 50 % (118)"

_choosers: dict[str, Chooser] = {}
_describers: dict[str, Describer] = {}


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


def register_versions_describer(name: str, describer: Describer) -> None:
    known = _describers.get(name)
    if known is not None and known is not describer:
        raise ImproperlyConfigured(f"two versions describers are registered as {name!r}")
    _describers[name] = describer


def step_versions_text(*, journey_id: int, step_key: str) -> str:
    """How the registered apps name this send step's versions, for a drawing; '' when it has none."""
    texts = [describer(journey_id=journey_id, step_key=step_key) for describer in _describers.values()]
    return " · ".join(text for text in texts if text)
