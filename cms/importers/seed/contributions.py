"""Demo data other apps add to the seed, inside its one transaction.

The content hub sits below automation in the house: it may not import the journeys that
mail about its pages. Yet `seed_demo` promises one command that builds the whole demo, all
or nothing. So an app above it contributes a step from its `AppConfig.ready`:

    demo_contribution_register(label="Automatisering: demo-traject", install=demo_journey_install)

and `seed_demo` runs every contribution after the pages exist, in the order the apps are
installed, under the label shown on the progress bar. A contribution that raises rolls the
whole seed back, like any other step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoContribution:
    label: str
    install: Callable[[], object]


_contributions: dict[str, DemoContribution] = {}


def demo_contribution_register(*, label: str, install: Callable[[], object]) -> None:
    """Add (or replace, by label: `ready()` may run twice in tests) a step of the demo seed."""
    _contributions[label] = DemoContribution(label=label, install=install)


def demo_contributions() -> list[DemoContribution]:
    return list(_contributions.values())
