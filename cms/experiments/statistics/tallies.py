"""What an experiment counts per version: how many were exposed, how many converted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArmTally:
    """One version ("arm") of an experiment: `exposed` people saw it, `converted` of them acted."""

    name: str
    exposed: int
    converted: int

    def __post_init__(self):
        if self.exposed < 0 or self.converted < 0:
            raise ValueError(f"{self.name}: counts cannot be negative")
        if self.converted > self.exposed:
            raise ValueError(f"{self.name}: converted ({self.converted}) exceeds exposed ({self.exposed})")

    @property
    def rate(self) -> float:
        return self.converted / self.exposed if self.exposed else 0.0
