"""The reading levels editors see: four steps named after the European framework (CEFR).

`difficulty` is a number that rises as a text gets harder (scoring.py): 50 is the edge of
B1, the level the city writes for (the policy note: one adult in five in Ghent reads with
difficulty). Each step is twenty points wide, so a level says how far a text is from the
target, not only on which side of it.
"""

from __future__ import annotations

from django.db import models


class Level(models.TextChoices):
    A2 = "A2", "Makkelijk (A2)"
    B1 = "B1", "Helder (B1)"
    B2 = "B2", "Moeilijk (B2)"
    C1 = "C1", "Zeer moeilijk (C1)"


TARGET = Level.B1
# Upper bounds of difficulty, easiest first; above the last one a text is C1.
UPPER_BOUNDS = ((30.0, Level.A2), (50.0, Level.B1), (70.0, Level.B2))
TARGET_DIFFICULTY = 50.0
ORDER = [Level.A2, Level.B1, Level.B2, Level.C1]


def level_for(difficulty: float) -> Level:
    for bound, level in UPPER_BOUNDS:
        if difficulty < bound:
            return level
    return Level.C1


def above_target(level: str) -> bool:
    """Harder than the city's target (B1)."""
    return ORDER.index(Level(level)) > ORDER.index(TARGET)
