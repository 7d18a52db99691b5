"""Many simulated experiments, looked at after every few recipients, to show what a test promises.

Each run sends to `max_recipients` people, half to each version, and looks after every
`peek_every` recipients, as an impatient editor would. A run "declares a winner" at the
first look where the test says so (after the minimum number of people per version, as the
admin does). With no true effect, the share of runs that declared one is the false-winner
rate; with an effect, the share that found it in the right direction is the power. Both the
sequential test (`msprt`) and the naive chi-squared test (`naive`) see the same data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from cms.experiments.statistics.comparison import DEFAULT_ALPHA, DEFAULT_MIN_EXPOSED
from cms.experiments.statistics.msprt import DEFAULT_TAU, always_valid_p, difference_variance
from cms.experiments.statistics.naive import chi_squared_p


@dataclass(frozen=True)
class SimulationResult:
    runs: int
    peek_every: int
    max_recipients: int
    base_rate: float
    effect: float
    alpha: float
    tau: float
    declared_rate: float  # share of runs where the sequential test declared a difference
    naive_declared_rate: float
    right_direction_rate: float  # declared, and version B better (only meaningful with an effect)
    naive_right_direction_rate: float
    mean_recipients_at_stop: float  # sequential test; runs that never stopped count max_recipients

    def as_json(self) -> dict:
        answer = asdict(self)
        if self.effect == 0:
            answer["false_positive_rate"] = self.declared_rate
            answer["naive_false_positive_rate"] = self.naive_declared_rate
        else:
            answer["power"] = self.right_direction_rate
            answer["naive_power"] = self.naive_right_direction_rate
        return answer


def simulate(
    *,
    runs: int = 2000,
    peek_every: int = 100,
    max_recipients: int = 20_000,
    base_rate: float = 0.10,
    effect: float = 0.0,
    alpha: float = DEFAULT_ALPHA,
    tau: float = DEFAULT_TAU,
    min_exposed: int = DEFAULT_MIN_EXPOSED,
    seed: int | None = None,
) -> SimulationResult:
    if runs < 1 or peek_every < 2 or max_recipients < peek_every:
        raise ValueError("runs >= 1, peek_every >= 2 and max_recipients >= peek_every")
    if not (0 < base_rate < 1 and 0 <= base_rate + effect <= 1):
        raise ValueError("base_rate and base_rate + effect must be shares between 0 and 1")
    rng = np.random.default_rng(seed)
    looks = max_recipients // peek_every
    per_look = peek_every // 2
    exposed = per_look * np.arange(1, looks + 1)
    converted_a = np.cumsum(rng.binomial(per_look, base_rate, size=(runs, looks)), axis=1)
    converted_b = np.cumsum(rng.binomial(per_look, base_rate + effect, size=(runs, looks)), axis=1)
    counted = exposed >= min_exposed
    difference = (converted_b - converted_a) / exposed
    sequential = always_valid_p(difference, difference_variance(converted_a, exposed, converted_b, exposed), tau=tau)
    naive = chi_squared_p(converted_a, exposed, converted_b, exposed)
    stops, right = _first_declarations(sequential < alpha, counted, difference)
    naive_stops, naive_right = _first_declarations(naive < alpha, counted, difference)
    stopped_at = np.where(stops >= 0, (stops + 1) * per_look * 2, looks * per_look * 2)
    return SimulationResult(
        runs=runs,
        peek_every=peek_every,
        max_recipients=looks * per_look * 2,
        base_rate=base_rate,
        effect=effect,
        alpha=alpha,
        tau=tau,
        declared_rate=float(np.mean(stops >= 0)),
        naive_declared_rate=float(np.mean(naive_stops >= 0)),
        right_direction_rate=float(np.mean(right)),
        naive_right_direction_rate=float(np.mean(naive_right)),
        mean_recipients_at_stop=float(np.mean(stopped_at)),
    )


def _first_declarations(declared, counted, difference):
    """Per run: the index of the first look that declared (-1 if none), and whether that
    first declaration favoured version B."""
    declared = declared & counted[np.newaxis, :]
    any_look = declared.any(axis=1)
    first = np.where(any_look, declared.argmax(axis=1), -1)
    at_first = difference[np.arange(declared.shape[0]), np.maximum(first, 0)]
    return first, any_look & (at_first > 0)
