import pytest

from search.query import SearchMode, SearchQuery, fuse
from search.retrieval import VectorHit


def vector(*scored):
    return [VectorHit(doc_id, score, 0) for doc_id, score in scored]


def test_a_keyword_match_reorders_close_meaning_matches_but_not_clear_ones():
    # b is a hair less similar than a but holds the words: it moves up; c, far off, does not
    fused = fuse([("b", 8.0), ("c", 10.0)], vector(("a", 0.930), ("b", 0.927), ("c", 0.880)), bonus=0.006)
    assert [doc_id for doc_id, _ in fused] == ["b", "a", "c"]
    assert dict(fused)["b"] == pytest.approx(0.927 + 0.006 * 8 / 10)
    assert dict(fused)["c"] == pytest.approx(0.880 + 0.006)


def test_a_keyword_match_outside_the_neighbours_starts_from_the_last_neighbours_score():
    fused = dict(fuse([("far", 5.0)], vector(("a", 0.95), ("b", 0.90)), bonus=0.01))
    assert fused["far"] == pytest.approx(0.90 + 0.01)
    assert list(fused) == ["a", "far", "b"]


def test_fusion_without_one_side_keeps_the_other_sides_order_and_breaks_ties_by_id():
    assert [d for d, _ in fuse([], vector(("y", 0.9), ("x", 0.9), ("z", 0.8)))] == ["x", "y", "z"]
    assert [d for d, _ in fuse([("k", 3.0), ("j", 1.0)], [])] == ["k", "j"]


def test_query_accepts_strings_and_lists_and_validates():
    query = SearchQuery("afval", mode="vector", themes="milieu", wijken=["gentbrugge", "gentbrugge"])
    assert query.mode is SearchMode.VECTOR and query.themes == ("milieu",) and query.wijken == ("gentbrugge",)
    assert query.selections == {"theme": ("milieu",), "wijk": ("gentbrugge",)}
    with pytest.raises(ValueError):
        SearchQuery("afval", page=0)
    with pytest.raises(ValueError):
        SearchQuery("afval", page_size=500)
    with pytest.raises(ValueError):
        SearchQuery("afval", mode="semantic")
    with pytest.raises(ValueError):
        SearchQuery("afval", page=101, page_size=10)  # beyond the first 1000 results


def test_query_language_defaults_to_the_one_filtered_on_then_the_site():
    assert SearchQuery("x", languages=["fr"]).query_language == "fr"
    assert SearchQuery("x", languages=["fr", "en"]).query_language == "nl"
    assert SearchQuery("x", language="en").query_language == "en"
