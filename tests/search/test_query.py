import pytest

from search.query import SearchMode, SearchQuery, reciprocal_rank_fusion


def test_rrf_rewards_pages_both_rankings_agree_on():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "b", "d"]])
    assert [doc_id for doc_id, _ in fused] == ["c", "b", "a", "d"]  # 1/63 + 1/61 > 2/62 > 1/61
    assert fused[1][1] == pytest.approx(1 / 62 + 1 / 62)


def test_rrf_breaks_ties_by_best_single_rank_then_id():
    fused = reciprocal_rank_fusion([["x", "y"], ["y", "x"], ["z"]])
    assert [doc_id for doc_id, _ in fused] == ["x", "y", "z"]


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
