"""The test the anchors use: a chi-squared test of two proportions at a fixed sample size.

Kept only as the yardstick in the simulation: looked at after every hundred recipients and
stopped at the first p < 0.05, it declares false winners far more often than 5 %. Never
used for a decision shown to editors.
"""

from __future__ import annotations

import math

import numpy as np

_erfc = np.vectorize(math.erfc, otypes=[float])


def chi_squared_p(converted_a, exposed_a, converted_b, exposed_b):
    """Two-sided p-value of Pearson's chi-squared test (1 degree of freedom, no continuity
    correction), equal to the pooled two-proportion z-test; 1 where it is undefined."""
    n_a = np.asarray(exposed_a, dtype=float)
    n_b = np.asarray(exposed_b, dtype=float)
    pooled = (np.asarray(converted_a) + np.asarray(converted_b)) / np.maximum(n_a + n_b, 1.0)
    variance = pooled * (1 - pooled) * (1 / np.maximum(n_a, 1.0) + 1 / np.maximum(n_b, 1.0))
    defined = (variance > 0) & (n_a > 0) & (n_b > 0)
    difference = np.asarray(converted_b) / np.maximum(n_b, 1.0) - np.asarray(converted_a) / np.maximum(n_a, 1.0)
    z = np.abs(difference) / np.sqrt(np.where(defined, variance, 1.0))
    return np.where(defined, _erfc(z / math.sqrt(2)), 1.0)
