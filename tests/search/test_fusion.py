import pytest

from search.fusion import KEYWORD_BONUS, RRF_K, fuse
from search.retrieval import VectorHit


def vector(*scored):
    return [VectorHit(doc_id, score, 0) for doc_id, score in scored]


def test_a_keyword_match_reorders_close_meaning_matches_but_not_clear_ones():
    # b is a hair less similar than a but holds the words: it moves up; c, far off, does not
    fused = fuse([("b", 8.0), ("c", 10.0)], vector(("a", 0.930), ("b", 0.927), ("c", 0.880)))
    assert [doc_id for doc_id, _ in fused] == ["b", "a", "c"]
    assert dict(fused)["b"] == pytest.approx(0.927 + KEYWORD_BONUS * 8 / 10)
    assert dict(fused)["c"] == pytest.approx(0.880 + KEYWORD_BONUS)


def test_a_keyword_match_outside_the_neighbours_starts_from_the_last_neighbours_score():
    fused = dict(fuse([("far", 5.0)], vector(("a", 0.95), ("b", 0.90))))
    assert fused["far"] == pytest.approx(0.90 + KEYWORD_BONUS)
    assert list(fused) == ["a", "far", "b"]


@pytest.mark.parametrize("method", ["similarity", "rrf"])
def test_fusion_without_one_side_keeps_the_other_sides_order(method):
    assert [d for d, _ in fuse([], vector(("y", 0.9), ("x", 0.8), ("z", 0.7)), method)] == ["y", "x", "z"]
    assert [d for d, _ in fuse([("k", 3.0), ("j", 1.0)], [], method)] == ["k", "j"]


def test_similarity_fusion_breaks_equal_scores_by_id():
    assert [d for d, _ in fuse([], vector(("y", 0.9), ("x", 0.9), ("z", 0.8)))] == ["x", "y", "z"]


def test_reciprocal_rank_fusion_rewards_a_page_both_lists_found():
    # "both" is second in each list; RRF puts it above either list's first
    fused = fuse([("words", 9.0), ("both", 8.0)], vector(("meaning", 0.95), ("both", 0.94)), "rrf")
    assert [d for d, _ in fused] == ["both", "meaning", "words"]
    assert dict(fused)["both"] == pytest.approx(2 / (RRF_K + 2))
    assert dict(fused)["meaning"] == pytest.approx(1 / (RRF_K + 1))


def test_an_unknown_method_is_refused_by_name():
    with pytest.raises(ValueError, match="fusion must be one of similarity, rrf"):
        fuse([], [], "average")


def test_without_neighbours_a_keyword_match_starts_from_the_vector_floor():
    # nothing reached the floor by meaning: word matches score as the floor plus their bonus
    fused = fuse([("a", 4.0), ("b", 2.0)], [], floor=0.9)
    assert fused == [("a", pytest.approx(0.9 + KEYWORD_BONUS)), ("b", pytest.approx(0.9 + KEYWORD_BONUS / 2))]
