import pytest

from search.query import SearchMode, SearchQuery


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
    with pytest.raises(ValueError, match="fusion"):
        SearchQuery("afval", fusion="average")


def test_fusion_comes_from_the_query_else_from_the_setting(settings):
    settings.SEARCH_FUSION = "rrf"
    assert SearchQuery("afval").fusion_method == "rrf"
    assert SearchQuery("afval", fusion="similarity").fusion_method == "similarity"


def test_query_language_defaults_to_the_one_filtered_on_then_the_site():
    assert SearchQuery("x", languages=["fr"]).query_language == "fr"
    assert SearchQuery("x", languages=["fr", "en"]).query_language == "nl"
    assert SearchQuery("x", language="en").query_language == "en"
