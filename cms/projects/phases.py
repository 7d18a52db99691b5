"""The rule that a project is in one phase at a time.

A citizen reading a project page asks "where are we now?": two phases marked current
would give two answers. The rule lives here, once, and is enforced both by the admin form
(on the inline rows an editor is submitting) and by the model (for imports and code).
"""

from collections.abc import Iterable

SINGLE_CURRENT_PHASE_MESSAGE = "Er kan maar één fase tegelijk de huidige fase zijn."


def current_phase_count(flags: Iterable[bool]) -> int:
    return sum(1 for flag in flags if flag)


def has_several_current_phases(flags: Iterable[bool]) -> bool:
    return current_phase_count(flags) > 1
