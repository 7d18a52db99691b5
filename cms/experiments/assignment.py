"""Who sees which version: fixed for a citizen, random for an anonymous page view.

A citizen's version comes from a hash of the experiment and the citizen, not from a stored
draw and not from chance at send time: a retry, a resend or a second milestone lands in the
same version, and nothing extra about the citizen needs storing. A page view on the citizen
site has no identity at all (no cookie, nothing on the device), so each view is drawn anew.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence

BUCKETS = 10_000


def arm_for_subject(experiment_key: str, subject_key: str, weights: Sequence[tuple[str, int]]) -> str:
    """The version for this citizen (or any stable subject), by the split `weights`
    ([(version name, weight), ...]; weights are relative, e.g. 50/50 or 1/1/2)."""
    digest = hashlib.sha256(f"{experiment_key}\x1f{subject_key}".encode()).digest()
    return _arm_at(int.from_bytes(digest[:8], "big") % BUCKETS, weights)


def arm_at_random(weights: Sequence[tuple[str, int]]) -> str:
    """The version for one anonymous view: a fresh draw every time."""
    return _arm_at(secrets.randbelow(BUCKETS), weights)


def _arm_at(bucket: int, weights: Sequence[tuple[str, int]]) -> str:
    total = sum(weight for _name, weight in weights)
    if not weights or total <= 0 or any(weight < 0 for _name, weight in weights):
        raise ValueError("an experiment needs versions with weights >= 0 that add up to more than 0")
    point = bucket * total / BUCKETS
    running = 0
    for name, weight in weights:
        running += weight
        if point < running:
            return name
    return weights[-1][0]
