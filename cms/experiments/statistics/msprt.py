"""The mixture sequential probability ratio test for a difference of two proportions.

The difference of the observed rates, d = rate(B) - rate(A), is close to normal with
variance s2 = pA(1-pA)/nA + pB(1-pB)/nB. Against "no difference" we weigh every true
difference with a normal prior N(0, tau^2); the resulting likelihood ratio

    L = sqrt(s2 / (s2 + tau2)) * exp(tau2 * d^2 / (2 * s2 * (s2 + tau2)))

is a martingale under no difference, so by Ville's inequality the chance that 1/L ever
drops below alpha, at any look, is at most alpha. Inverting the test gives a confidence
sequence: an interval for the true difference that holds at every look at once.

`tau` is the size of difference we expect (absolute, in share of people): 3 points by
default, the scale of the effects a reminder or a clearer subject line has.

The functions take plain numbers or numpy arrays alike, so the simulation in
`simulation.py` runs thousands of experiments through this very rule, not a copy.
"""

from __future__ import annotations

import numpy as np

DEFAULT_TAU = 0.03


def difference_variance(converted_a, exposed_a, converted_b, exposed_b):
    """The plug-in variance of the difference; a rate of 0 or 1 is moved half a person inwards,
    so that "nobody clicked yet" does not read as "certainly nobody ever clicks"."""
    return _rate_variance(converted_a, exposed_a) + _rate_variance(converted_b, exposed_b)


def always_valid_p(difference, variance, *, tau: float = DEFAULT_TAU):
    """1 / L, capped at 1: the chance of evidence this strong if both versions were equal.
    An unknown variance (nobody exposed yet) gives 1: no evidence at all."""
    tau2 = tau * tau
    known = np.isfinite(variance) & (variance > 0)
    safe = np.where(known, variance, 1.0)
    log_ratio = 0.5 * np.log(safe / (safe + tau2)) + tau2 * np.square(difference) / (2 * safe * (safe + tau2))
    p_value = np.where(known, np.minimum(1.0, np.exp(-np.minimum(log_ratio, 700.0))), 1.0)
    return p_value if np.ndim(p_value) else float(p_value)


def confidence_half_width(variance, *, alpha: float, tau: float = DEFAULT_TAU):
    """Half the width of the anytime-valid interval for the difference at level 1 - alpha
    (infinite while the variance is unknown)."""
    tau2 = tau * tau
    known = np.isfinite(variance) & (variance > 0)
    safe = np.where(known, variance, 1.0)
    spread = 2 * safe * (safe + tau2) / tau2
    half = np.sqrt(spread * (np.log(1 / alpha) + 0.5 * np.log((safe + tau2) / safe)))
    half = np.where(known, half, np.inf)
    return half if np.ndim(half) else float(half)


def _rate_variance(converted, exposed):
    exposed_f = np.asarray(exposed, dtype=float)
    converted_f = np.asarray(converted, dtype=float)
    some = exposed_f > 1
    n = np.where(some, exposed_f, 2.0)
    rate = np.where(some, np.clip(converted_f, 0.5, n - 0.5) / n, 0.5)
    variance = np.where(exposed_f > 0, rate * (1 - rate) / np.where(exposed_f > 0, exposed_f, 1.0), np.inf)
    return variance if np.ndim(variance) else float(variance)
