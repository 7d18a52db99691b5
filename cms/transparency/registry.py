"""Apps register how to describe their algorithms; the register asks each description anew.

    algorithm_register(key="quiet-hours", order=50, describe=quiet_hours_entry)

`describe` is called on every request (it reads settings, which tests and deployments
change), so it must be cheap: no queries, no model loading. Registering a key again
replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cms.transparency.entries import AlgorithmEntry

Describe = Callable[[], AlgorithmEntry]


@dataclass(frozen=True)
class Registered:
    key: str
    order: int
    describe: Describe


_registered: dict[str, Registered] = {}


def algorithm_register(*, key: str, describe: Describe, order: int = 100) -> None:
    _registered[key] = Registered(key=key, order=order, describe=describe)


def registered_entries() -> list[AlgorithmEntry]:
    """Every algorithm, described now, in register order."""
    entries = []
    for registered in sorted(_registered.values(), key=lambda item: (item.order, item.key)):
        entry = registered.describe()
        if entry.key != registered.key:
            raise ValueError(f"algorithm {registered.key!r} described itself as {entry.key!r}")
        entries.append(entry)
    return entries
