import numpy as np
import pytest

from search.embeddings import HashingEmbedder, QueryVectorCache, get_embedder
from search.models import CachedEmbedding
from search.vector_cache import passage_vectors


def test_hashing_embedder_is_deterministic_unit_length_and_lexical():
    embedder = HashingEmbedder()
    a, b, c = embedder.embed_passages(["afvalophaling aan huis", "afvalophaling aan huis", "bibliotheek"])
    assert np.array_equal(a, b) and a.dtype == np.float32 and a.shape == (384,)
    assert np.linalg.norm(a) == pytest.approx(1.0)
    query = embedder.embed_query("afvalophaling")
    assert query @ a > query @ c


def test_the_setting_chooses_the_embedder(settings):
    settings.SEARCH_EMBEDDER = "search.embeddings.HashingEmbedder"
    assert isinstance(get_embedder(), HashingEmbedder)


class CountingEmbedder(HashingEmbedder):
    def __init__(self):
        self.embedded = []

    def embed_passages(self, texts):
        self.embedded.extend(texts)
        return super().embed_passages(texts)


@pytest.mark.django_db
def test_the_cache_embeds_each_text_once():
    embedder = CountingEmbedder()
    first, embedded = passage_vectors(embedder, ["een", "twee", "een"])
    assert embedded == 2 and sorted(embedder.embedded) == ["een", "twee"]
    again, embedded = passage_vectors(embedder, ["twee", "een", "drie"])
    assert embedded == 1 and embedder.embedded[-1] == "drie"
    assert np.array_equal(again[1], first[0])
    assert CachedEmbedding.objects.count() == 3


@pytest.mark.django_db
def test_vectors_of_another_embedder_are_not_reused():
    passage_vectors(HashingEmbedder(), ["een"])

    class Other(CountingEmbedder):
        name = "other-model"

    other = Other()
    _, embedded = passage_vectors(other, ["een"])
    assert embedded == 1


def test_a_repeated_query_is_embedded_once_per_embedder():
    class CountingQueries(HashingEmbedder):
        name = "counting-queries"
        asked: list[str] = []

        def embed_query(self, text):
            self.asked.append(text)
            return super().embed_query(text)

    cache = QueryVectorCache(size=2)
    embedder = CountingQueries()
    first = cache.vector(embedder, "grofvuil")
    assert np.array_equal(cache.vector(embedder, "grofvuil"), first) and embedder.asked == ["grofvuil"]
    assert not first.flags.writeable  # shared between searches: nobody may change it
    assert np.array_equal(cache.vector(HashingEmbedder(), "grofvuil"), first)  # other name: embedded anew, same vectors
    cache.vector(embedder, "paspoort")
    cache.vector(embedder, "rijbewijs")  # size 2: the least recently used ("grofvuil") goes
    cache.vector(embedder, "grofvuil")
    assert embedder.asked == ["grofvuil", "paspoort", "rijbewijs", "grofvuil"]
