"""Measured, not assumed: the labelled pairs (plain vs official version of one message).

Prints both accuracies, ours and Wagtail's LIX, on all pairs and on each split (the
development part, the holdout written after the scorer was frozen, and the wording holdout:
plain and official of about the same length, so only the wording differs); see
cms/readability/evaluation.py for the protocol.
"""

from collections import Counter

from cms.readability.evaluation import load_pairs, report
from cms.readability.text import sentences, words

THEMES = {"waste", "permits", "taxes", "care", "mobility", "crisis"}
SAME_LENGTH = 0.15  # the wording holdout: words and sentences of both versions within 15 %


def _apart(a: int, b: int) -> float:
    return abs(a - b) / max(a, b)


def test_the_set_has_at_least_60_pairs_of_realistic_length_across_the_themes():
    pairs = load_pairs()
    assert len(pairs) >= 60
    assert len({pair["id"] for pair in pairs}) == len(pairs)
    themes = Counter(pair["theme"] for pair in pairs)
    assert set(themes) == THEMES and min(themes.values()) >= 10
    assert {pair["split"] for pair in pairs} == {"development", "holdout", "holdout-wording"}
    for pair in pairs:
        for version in ("plain", "official"):
            assert 60 <= len(words(pair[version])) <= 200, (pair["id"], version)


def test_the_wording_holdout_has_six_pairs_per_theme_of_about_the_same_length():
    pairs = [pair for pair in load_pairs() if pair["split"] == "holdout-wording"]
    assert Counter(pair["theme"] for pair in pairs) == {theme: 6 for theme in THEMES}
    for pair in pairs:
        plain, official = pair["plain"], pair["official"]
        assert _apart(len(words(plain)), len(words(official))) <= SAME_LENGTH, (pair["id"], "words")
        assert _apart(len(sentences(plain)), len(sentences(official))) <= SAME_LENGTH, (pair["id"], "sentences")


def test_ours_orders_the_plain_version_as_easier_in_at_least_90_percent_and_does_not_lose_to_lix():
    results = report()
    for name, accuracy in results.items():
        print(accuracy.line(name))
    overall = results["all"]
    assert overall.ours >= 0.9
    assert results["holdout"].ours >= 0.9
    # Same length, different wording: what the issue asks of ours (LIX is printed beside it).
    assert results["holdout-wording"].ours >= 0.9
    assert overall.ours >= overall.lix
    # Where LIX, as Wagtail's panel reads it, falls short: placing texts against the target.
    assert overall.ours_target > overall.lix_target
    assert overall.ours_separation > overall.lix_separation
