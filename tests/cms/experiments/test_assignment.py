"""Who sees which version: stable for a citizen, split as asked."""

from collections import Counter

import pytest

from cms.experiments.assignment import arm_at_random, arm_for_subject

SPLIT = [("A", 1), ("B", 1)]


def test_a_citizen_keeps_their_version_across_retries_and_milestones():
    first = [arm_for_subject("herinnering-documenten", f"citizen-{n}", SPLIT) for n in range(500)]
    again = [arm_for_subject("herinnering-documenten", f"citizen-{n}", SPLIT) for n in range(500)]
    assert first == again


def test_another_experiment_draws_citizens_independently():
    one = [arm_for_subject("exp-1", f"c{n}", SPLIT) for n in range(2000)]
    two = [arm_for_subject("exp-2", f"c{n}", SPLIT) for n in range(2000)]
    same = sum(a == b for a, b in zip(one, two, strict=True))
    assert 850 < same < 1150  # about half agree, as with independent coins


@pytest.mark.parametrize("split", [[("A", 1), ("B", 1)], [("A", 1), ("B", 1), ("C", 2)], [("A", 9), ("B", 1)]])
def test_the_split_is_honoured(split):
    counts = Counter(arm_for_subject("split", str(n), split) for n in range(20_000))
    total = sum(weight for _name, weight in split)
    for name, weight in split:
        assert counts[name] / 20_000 == pytest.approx(weight / total, abs=0.02)


def test_a_version_with_weight_zero_is_never_shown():
    assert {arm_at_random([("A", 1), ("B", 0)]) for _ in range(300)} == {"A"}


def test_anonymous_views_are_drawn_anew():
    assert {arm_at_random(SPLIT) for _ in range(300)} == {"A", "B"}


def test_weights_must_make_sense():
    with pytest.raises(ValueError):
        arm_for_subject("x", "y", [("A", 0), ("B", 0)])
    with pytest.raises(ValueError):
        arm_at_random([])
