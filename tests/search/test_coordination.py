import math

import pytest

from search.coordination import coordinate, coverage, group_weights, idf


def test_idf_is_bm25s_and_a_word_found_nowhere_weighs_nothing():
    assert idf(1, 100) == pytest.approx(math.log(1 + 99.5 / 1.5))
    assert idf(0, 100) == 0.0
    assert idf(90, 100) < idf(2, 100)


def test_coverage_counts_each_query_word_once_by_its_rarity():
    weights = [1.0, 3.0]
    assert coverage([1], weights) == pytest.approx(0.75)
    assert coverage([0, 1, 1], weights) == pytest.approx(1.0)
    assert coverage([], weights) == 0.0
    assert coverage([0], [0.0, 0.0]) == 0.0


def test_a_page_covering_the_question_beats_one_repeating_a_common_word():
    # "huis" is on 80 of 100 pages, "gekeurd" and "verhuren" on 3 and 5
    weights = group_weights([80, 3, 5], 100)
    hits = [("huis-huis-huis", 12.0), ("conformiteitsattest", 9.0), ("elsewhere", 4.0)]
    matched = {"huis-huis-huis": [0], "conformiteitsattest": [0, 1, 2], "elsewhere": [2]}
    ranked = coordinate(hits, matched, weights)
    assert [doc_id for doc_id, _ in ranked] == ["conformiteitsattest", "elsewhere", "huis-huis-huis"]
    assert dict(ranked)["conformiteitsattest"] == pytest.approx(9.0)


def test_equal_scores_break_by_id_and_unmatched_pages_drop_out():
    ranked = coordinate([("b", 2.0), ("a", 2.0), ("c", 5.0)], {"a": [0], "b": [0]}, [1.0])
    assert ranked == [("a", 2.0), ("b", 2.0)]
