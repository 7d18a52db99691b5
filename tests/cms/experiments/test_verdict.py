"""The verdict editors read: a range of whole percents and whether they can stop."""

import math

from cms.experiments.statistics import ArmTally, compare_arms
from cms.experiments.verdict import verdict_text


def test_a_winner_is_named_with_a_range_and_permission_to_stop():
    result = compare_arms([ArmTally("A", 5000, 500), ArmTally("B", 5000, 650)])
    arm = result.arms[0]
    text = verdict_text(result, outcome="hun documenten in te dienen")
    low, high = math.floor(arm.relative_low * 100), math.ceil(arm.relative_high * 100)  # rounded outwards
    assert text == f"Versie B brengt {low} tot {high} % meer mensen ertoe hun documenten in te dienen. U kunt nu stoppen."


def test_no_difference_yet_says_keep_going_and_that_looking_is_allowed():
    text = verdict_text(compare_arms([ArmTally("A", 3000, 300), ArmTally("B", 3000, 310)]), outcome="te klikken")
    assert text.startswith("Nog geen duidelijk verschil. Versie B: tussen -")
    assert "u mag altijd kijken" in text


def test_too_early_names_the_minimum():
    assert "minstens 100 mensen" in verdict_text(compare_arms([ArmTally("A", 20, 2), ArmTally("B", 20, 9)]), outcome="x")


def test_english_and_french():
    result = compare_arms([ArmTally("A", 5000, 650), ArmTally("B", 5000, 500)])
    assert verdict_text(result, outcome="click", language="en").startswith("The current version (A) works best")
    assert verdict_text(result, outcome="cliquer", language="fr").endswith("Vous pouvez arrêter.")
