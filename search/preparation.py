"""Turn SearchDocuments into what every backend indexes: analysed terms, passages, vectors.

Both backends call `prepare_documents`, so they index identical terms and identical
vectors and differ only in how they store and score them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .documents import SearchDocument
from .embeddings import Embedder
from .passages import split_passages
from .text import analyze, suggest_words
from .vector_cache import passage_vectors

#: Keyword fields and their weight: a match in the title counts three times one in the body.
KEYWORD_FIELDS = {"title": 3.0, "intro": 1.5, "body": 1.0}


@dataclass
class PreparedDocument:
    document: SearchDocument
    passages: list[str]
    terms: dict[str, list[str]]
    vectors: np.ndarray
    suggest: list[str]


@dataclass
class PreparedBatch:
    documents: list[PreparedDocument]
    embedded: int  # passages that were not in the vector cache and were embedded now


def document_passages(document: SearchDocument) -> list[str]:
    """The passages of a page: its intro and body in ~120-word pieces, or its title if it has no text."""
    return split_passages([document.intro, *document.body]) or [document.title]


def embedding_text(document: SearchDocument, passage: str) -> str:
    """What we embed for a passage: the title gives every passage its context."""
    return passage if passage == document.title else f"{document.title}\n{passage}"


def document_terms(document: SearchDocument) -> dict[str, list[str]]:
    language = document.language
    return {
        "title": analyze(document.title, language),
        "intro": analyze(document.intro, language),
        "body": analyze(" ".join(document.body), language),
    }


def prepare_documents(documents, embedder: Embedder) -> PreparedBatch:
    documents = list(documents)
    passages = [document_passages(document) for document in documents]
    texts = [embedding_text(document, passage) for document, doc_passages in zip(documents, passages) for passage in doc_passages]
    vectors, embedded = passage_vectors(embedder, texts)
    prepared, row = [], 0
    for document, doc_passages in zip(documents, passages):
        prepared.append(
            PreparedDocument(
                document=document,
                passages=doc_passages,
                terms=document_terms(document),
                vectors=vectors[row : row + len(doc_passages)],
                suggest=suggest_words(document.title),
            )
        )
        row += len(doc_passages)
    return PreparedBatch(prepared, embedded)
