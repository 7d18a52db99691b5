"""Both backends give a citizen the same answer: same pages in the same order, same totals
and facet counts, on the small corpus with the real embedding model."""

from datetime import date

import pytest

from search.backends.local import LocalBackend
from search.query import SearchQuery, plan_for
from tests.search import embedders
from tests.search.corpus import CORPUS

QUERIES = [
    ("bewonerskaart aanvragen", {}),
    ("bewonreskaart", {}),  # a typo
    ("wanneer worden de vuilniszakken opgehaald", {}),
    ("gratis activiteiten voor kinderen in de zomer", {}),
    ("parkeren in de binnenstad", {"themes": ["mobiliteit", "cultuur"]}),
    ("residents parking", {"languages": ["en", "nl"]}),
    ("feest fiets premie", {"date_from": date(2024, 1, 1)}),
    ("xqzvwkj", {}),  # nonsense
    ("hotel in Parijs", {}),  # another city
    ("kernreactor", {"wijken": ["binnenstad"]}),
]


SEARCHES = [
    pytest.param(SearchQuery(text, mode=mode, **filters), id=f"{mode}:{text}")
    for text, filters in QUERIES
    for mode in ("keyword", "vector", "hybrid")
]


@pytest.fixture
def backends(make_es_backend):
    local = LocalBackend("agree", {"INDEX": "agree", "EMBEDDER": embedders.REAL_MODEL})
    elastic = make_es_backend(EMBEDDER=embedders.REAL_MODEL)
    local.index_documents(CORPUS)
    elastic.index_documents(CORPUS)
    return local, elastic


@pytest.mark.parametrize("query", SEARCHES)
def test_same_pages_in_the_same_order(backends, query):
    local, elastic = (backend.search(query) for backend in backends)
    assert [hit.id for hit in elastic.hits] == [hit.id for hit in local.hits]
    assert [hit.score for hit in elastic.hits] == pytest.approx([hit.score for hit in local.hits], rel=1e-3)
    assert elastic.total == local.total
    assert elastic.facets == local.facets
    assert [hit.snippet for hit in elastic.hits] == [hit.snippet for hit in local.hits]
    assert (elastic.no_answer is None) == (local.no_answer is None)


@pytest.mark.parametrize("text", ["xqzvwkj", "hotel in Parijs", "bewonerskaart aanvragen", "bewonreskaart"])
def test_the_same_evidence_for_saying_nothing_found(backends, text):
    plans = [backend.retrieve(_plan(backend, text)).evidence for backend in backends]
    local, elastic = plans
    assert (elastic.word_pages, elastic.stem_pages, elastic.page_count) == (
        local.word_pages, local.stem_pages, local.page_count
    )
    assert elastic.nearest == pytest.approx(local.nearest, abs=1e-5)


def _plan(backend, text):
    return plan_for(SearchQuery(text), backend.embedder, backend.vector_k, backend.vector_min_score)
