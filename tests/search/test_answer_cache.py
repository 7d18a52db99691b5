"""A repeated search is answered from the shared cache, and never outlives a change to the index.

Run on the local backend with a per-process cache standing in for the shared one; the
same behaviour across processes, on Elasticsearch and Redis, is in
tests/integration/search/test_answer_cache_shared.py.
"""

from __future__ import annotations

import dataclasses

import pytest
from django.core.cache import cache

from search.backends.local import LocalBackend
from search.query import SearchQuery
from tests.search.corpus import PARKING, WASTE


@pytest.fixture
def backend(db, settings):
    settings.SEARCH_ANSWER_SECONDS = 60
    cache.clear()
    made = LocalBackend("answers", {"INDEX": "answer-cache-test", "EMBEDDER": "search.embeddings.HashingEmbedder"})
    made.index_documents([PARKING, WASTE])
    runs = []
    retrieve = made.retrieve
    made.retrieve = lambda plan: runs.append(plan) or retrieve(plan)
    made.runs = runs
    yield made
    made.clear()
    cache.clear()


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


def test_the_same_search_again_is_answered_without_asking_the_engine(backend):
    first = backend.search(SearchQuery("bewonerskaart", mode="keyword"))
    again = backend.search(SearchQuery("bewonerskaart", mode="keyword"))
    assert ids(first) == ids(again) == ["nl-bewonerskaart"]
    assert len(backend.runs) == 1


def test_every_other_question_gets_its_own_answer(backend):
    for query in (SearchQuery("bewonerskaart", mode="keyword"), SearchQuery("afvalophaling", mode="keyword"),
                  SearchQuery("bewonerskaart", mode="keyword", languages=("en",)),
                  SearchQuery("bewonerskaart", mode="keyword", page_size=5)):  # fmt: skip
        backend.search(query)
    assert len(backend.runs) == 4
    assert ids(backend.search(SearchQuery("afvalophaling", mode="keyword"))) == ["nl-afvalophaling"]
    assert len(backend.runs) == 4


def test_a_page_indexed_or_removed_shows_in_the_next_search_at_once(backend):
    query = SearchQuery("bewonerskaart", mode="keyword")
    assert ids(backend.search(query)) == ["nl-bewonerskaart"]
    backend.index_documents([dataclasses.replace(PARKING, id="nl-bewonerskaart-2", url="/nl/mobiliteit/tweede-kaart")])
    assert sorted(ids(backend.search(query))) == ["nl-bewonerskaart", "nl-bewonerskaart-2"]
    backend.delete_documents(["nl-bewonerskaart"])
    assert ids(backend.search(query)) == ["nl-bewonerskaart-2"]
    backend.clear()
    assert ids(backend.search(query)) == []
    assert len(backend.runs) == 4


def test_without_a_shared_cache_every_search_runs(backend, settings):
    settings.SEARCH_ANSWER_SECONDS = 0
    for _ in range(3):
        backend.search(SearchQuery("bewonerskaart", mode="keyword"))
    assert len(backend.runs) == 3
