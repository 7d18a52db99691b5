"""The sequential test: what an editor reading the result relies on."""

import math

import pytest

from cms.experiments.statistics import ArmTally, Decision, compare_arms
from cms.experiments.statistics.msprt import always_valid_p, confidence_half_width, difference_variance
from cms.experiments.statistics.naive import chi_squared_p


def test_equal_versions_give_no_evidence_and_an_interval_around_zero():
    result = compare_arms([ArmTally("A", 2000, 200), ArmTally("B", 2000, 200)])
    (arm,) = result.arms
    assert result.decision == Decision.KEEP_GOING
    assert arm.p_value == 1.0
    assert arm.low < 0 < arm.high
    assert not result.can_stop


def test_a_clear_improvement_is_a_winner_with_an_interval_above_zero():
    result = compare_arms([ArmTally("A", 5000, 500), ArmTally("B", 5000, 650)])
    (arm,) = result.arms
    assert result.decision == Decision.WINNER and result.winner == "B"
    assert 0 < arm.low < 0.03 < arm.high
    assert arm.p_value < 0.05
    assert arm.relative_low == pytest.approx(arm.low / 0.1)


def test_a_clear_loss_against_the_control_says_keep_the_control():
    result = compare_arms([ArmTally("A", 5000, 650), ArmTally("B", 5000, 500)])
    assert result.decision == Decision.CONTROL_WINS and result.winner == "A"
    assert result.arms[0].worse and result.arms[0].high < 0


def test_nothing_is_decided_before_the_minimum_per_version_however_large_the_gap():
    result = compare_arms([ArmTally("A", 60, 0), ArmTally("B", 60, 40)])
    assert result.decision == Decision.TOO_EARLY
    assert result.winner is None


def test_p_value_and_interval_agree_at_the_edge():
    """The test rejects exactly when the interval leaves zero, since both invert one ratio."""
    variance = difference_variance(500, 5000, 560, 5000)
    half = confidence_half_width(variance, alpha=0.05)
    assert always_valid_p(half * 1.001, variance) < 0.05 < always_valid_p(half * 0.999, variance)


def test_more_versions_demand_more_evidence():
    two = compare_arms([ArmTally("A", 4000, 400), ArmTally("B", 4000, 470)])
    four = compare_arms([ArmTally("A", 4000, 400), ArmTally("B", 4000, 470), ArmTally("C", 4000, 400), ArmTally("D", 4000, 400)])
    b_two, b_four = two.arms[0], four.arms[0]
    assert b_four.p_value == pytest.approx(min(1.0, 3 * b_two.p_value))
    assert (b_four.high - b_four.low) > (b_two.high - b_two.low)


def test_the_best_of_several_better_versions_wins():
    result = compare_arms([ArmTally("A", 6000, 600), ArmTally("B", 6000, 780), ArmTally("C", 6000, 900)])
    assert result.decision == Decision.WINNER and result.winner == "C"


def test_control_can_be_named_and_must_exist():
    result = compare_arms([ArmTally("B", 5000, 650), ArmTally("A", 5000, 500)], control="A")
    assert result.control.name == "A" and result.winner == "B"
    with pytest.raises(KeyError):
        compare_arms([ArmTally("A", 10, 1), ArmTally("B", 10, 1)], control="Z")


@pytest.mark.parametrize(
    "tallies, message",
    [
        ([ArmTally("A", 10, 1)], "at least two"),
        ([ArmTally("A", 10, 1), ArmTally("A", 10, 2)], "own name"),
    ],
)
def test_malformed_experiments_are_refused(tallies, message):
    with pytest.raises(ValueError, match=message):
        compare_arms(tallies)


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError, match="exceeds"):
        ArmTally("A", 10, 11)


def test_nobody_exposed_yet_is_no_evidence_and_no_interval():
    variance = difference_variance(0, 0, 0, 0)
    assert always_valid_p(0.5, variance) == 1.0
    assert math.isinf(confidence_half_width(variance, alpha=0.05))


def test_the_naive_test_matches_a_textbook_chi_squared():
    """200/1000 against 250/1000: chi-squared 7.1685 with 1 df, p = 0.00742."""
    assert chi_squared_p(200, 1000, 250, 1000) == pytest.approx(0.00742, abs=1e-4)
