"""Embed passages at most once: vectors are cached by (embedder name, sha256 of the text).

Embedding costs ~0.3 s per passage on our machines, and most re-indexing (a page saved
again, a full rebuild) changes little or no text. Looking vectors up by content hash makes
a rebuild of an unchanged site embed nothing, and an edited page embed only the passages
whose words changed.
"""

from __future__ import annotations

import hashlib

import numpy as np

from .embeddings import Embedder
from .models import CachedEmbedding

LOOKUP_CHUNK = 500
EMBED_BATCH = 32


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def passage_vectors(embedder: Embedder, texts: list[str]) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (one row each) and how many texts had to be embedded now."""
    hashes = [text_sha256(text) for text in texts]
    found: dict[str, np.ndarray] = {}
    unique_hashes = list(dict.fromkeys(hashes))
    for start in range(0, len(unique_hashes), LOOKUP_CHUNK):
        rows = CachedEmbedding.objects.filter(
            embedder=embedder.name, text_sha256__in=unique_hashes[start : start + LOOKUP_CHUNK]
        ).values_list("text_sha256", "vector")
        for digest, blob in rows:
            found[digest] = np.frombuffer(bytes(blob), dtype=np.float32)

    missing = {digest: text for digest, text in zip(hashes, texts) if digest not in found}
    missing_items = list(missing.items())
    for start in range(0, len(missing_items), EMBED_BATCH):
        batch = missing_items[start : start + EMBED_BATCH]
        vectors = embedder.embed_passages([text for _, text in batch])
        CachedEmbedding.objects.bulk_create(
            [
                CachedEmbedding(
                    embedder=embedder.name,
                    text_sha256=digest,
                    dimensions=embedder.dimensions,
                    vector=vector.astype(np.float32).tobytes(),
                )
                for (digest, _), vector in zip(batch, vectors)
            ],
            ignore_conflicts=True,  # another worker may have embedded the same text meanwhile
        )
        for (digest, _), vector in zip(batch, vectors):
            found[digest] = vector.astype(np.float32)

    matrix = np.zeros((len(texts), embedder.dimensions), dtype=np.float32)
    for row, digest in enumerate(hashes):
        matrix[row] = found[digest]
    return matrix, len(missing)
