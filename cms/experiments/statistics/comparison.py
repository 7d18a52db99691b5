"""Compare every version with the control and decide: keep going, a winner, or a loser.

More than two versions means more chances for a false winner, so each comparison with the
control is tested at alpha / (number of versions - 1) (Bonferroni: simple, and valid with
the sequential test at every look). Before `min_exposed` people per version nothing is
decided, however large the difference looks: a handful of people is an anecdote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cms.experiments.statistics.msprt import DEFAULT_TAU, always_valid_p, confidence_half_width, difference_variance
from cms.experiments.statistics.tallies import ArmTally

DEFAULT_ALPHA = 0.05
DEFAULT_MIN_EXPOSED = 100


class Decision(StrEnum):
    TOO_EARLY = "too_early"  # fewer than min_exposed people in some version
    KEEP_GOING = "keep_going"  # no difference shown yet: looking again later is allowed
    WINNER = "winner"  # a version is better than the control: you can stop
    CONTROL_WINS = "control_wins"  # every other version is worse than the control: you can stop


@dataclass(frozen=True)
class ArmResult:
    """One version against the control. Differences are absolute (0.02 = 2 points);
    `relative_low`/`relative_high` divide by the control's rate (0.1 = 10 % more people)."""

    name: str
    exposed: int
    converted: int
    rate: float
    difference: float
    low: float
    high: float
    p_value: float  # anytime-valid, already corrected for the number of versions
    better: bool  # shown better than the control
    worse: bool  # shown worse than the control
    relative_low: float | None
    relative_high: float | None


@dataclass(frozen=True)
class Comparison:
    control: ArmTally
    arms: tuple[ArmResult, ...]
    decision: Decision
    winner: str | None
    alpha: float

    @property
    def can_stop(self) -> bool:
        return self.decision in (Decision.WINNER, Decision.CONTROL_WINS)


def compare_arms(
    tallies: Sequence[ArmTally],
    *,
    control: str | None = None,
    alpha: float = DEFAULT_ALPHA,
    tau: float = DEFAULT_TAU,
    min_exposed: int = DEFAULT_MIN_EXPOSED,
) -> Comparison:
    """`tallies`: every version, the control first unless `control` names it."""
    if len(tallies) < 2:
        raise ValueError("an experiment compares at least two versions")
    if not 0 < alpha < 1:
        raise ValueError("alpha lies between 0 and 1")
    by_name = {tally.name: tally for tally in tallies}
    if len(by_name) != len(tallies):
        raise ValueError("every version needs its own name")
    base = by_name[control] if control is not None else tallies[0]
    others = [tally for tally in tallies if tally.name != base.name]
    arms = tuple(_against(base, tally, alpha=alpha, corrections=len(others), tau=tau) for tally in others)
    if min(tally.exposed for tally in tallies) < min_exposed:
        return Comparison(base, arms, Decision.TOO_EARLY, None, alpha)
    better = [arm for arm in arms if arm.better]
    if better:
        best = max(better, key=lambda arm: arm.difference)
        return Comparison(base, arms, Decision.WINNER, best.name, alpha)
    if all(arm.worse for arm in arms):
        return Comparison(base, arms, Decision.CONTROL_WINS, base.name, alpha)
    return Comparison(base, arms, Decision.KEEP_GOING, None, alpha)


def _against(base: ArmTally, tally: ArmTally, *, alpha: float, corrections: int, tau: float) -> ArmResult:
    """The p-value and the interval come from the same likelihood ratio, so "shown better"
    and "the interval lies above zero" never disagree."""
    difference = tally.rate - base.rate
    variance = difference_variance(base.converted, base.exposed, tally.converted, tally.exposed)
    p_value = min(1.0, always_valid_p(difference, variance, tau=tau) * corrections)
    half = confidence_half_width(variance, alpha=alpha / corrections, tau=tau)
    low, high = difference - half, difference + half
    significant = p_value < alpha
    relative = (low / base.rate, high / base.rate) if base.rate > 0 and half < float("inf") else (None, None)
    return ArmResult(
        name=tally.name,
        exposed=tally.exposed,
        converted=tally.converted,
        rate=tally.rate,
        difference=difference,
        low=low,
        high=high,
        p_value=p_value,
        better=significant and difference > 0,
        worse=significant and difference < 0,
        relative_low=relative[0],
        relative_high=relative[1],
    )
