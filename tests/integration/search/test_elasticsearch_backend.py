"""The shared backend contract on a real Elasticsearch, plus what only an index with aliases can show."""

import pytest

from search.query import SearchQuery
from tests.search.backends.contract import SearchBackendContract
from tests.search.corpus import CORPUS, LIBRARY, PARKING, WASTE
from tests.search.relevance import RelevanceContract


class TestElasticsearchBackend(SearchBackendContract):
    @pytest.fixture
    def make_backend(self, make_es_backend):
        return make_es_backend


@pytest.mark.django_db
def test_rebuild_moves_the_alias_to_a_new_index_and_drops_the_old(es_backend):
    es_backend.index_documents(CORPUS)
    (old,) = es_backend._indices_behind_alias()
    es_backend.rebuild([PARKING, WASTE])
    (new,) = es_backend._indices_behind_alias()
    assert new != old
    assert not es_backend.client.indices.exists(index=old)
    assert es_backend.client.indices.get_settings(index=new)[new]["settings"]["index"].get("refresh_interval") is None


@pytest.mark.django_db
def test_rebuild_replaces_a_concrete_index_that_holds_the_alias_name(es_backend):
    es_backend.client.indices.create(index=es_backend.index_alias)
    es_backend.rebuild([LIBRARY])
    assert es_backend._indices_behind_alias() != [es_backend.index_alias]
    assert [hit.id for hit in es_backend.search(SearchQuery("bibliotheek", mode="keyword")).hits] == [LIBRARY.id]


@pytest.mark.django_db
def test_passage_vectors_are_nested_dense_vectors_with_cosine(es_backend):
    es_backend.index_documents([PARKING])
    (index,) = es_backend._indices_behind_alias()
    mapping = es_backend.client.indices.get_mapping(index=index)[index]["mappings"]
    vector = mapping["properties"]["passages"]["properties"]["vector"]
    assert mapping["properties"]["passages"]["type"] == "nested"
    assert (vector["type"], vector["dims"], vector["similarity"], vector["index"]) == ("dense_vector", 384, "cosine", True)
    assert vector["index_options"]["type"] == "flat"  # exact kNN: filters never lose a page
    assert es_backend.count() == 1  # nested passage documents are not counted as pages


class TestElasticsearchRelevance(RelevanceContract):
    @pytest.fixture
    def make_backend(self, make_es_backend):
        return make_es_backend
