"""BM25 over pre-analysed terms, scored the way Elasticsearch scores them.

The local backend should rank like Elasticsearch so that a site can move from one to the
other without its search changing character. So this follows Elasticsearch's (legacy)
BM25: k1 = 1.2, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)) with N the documents
that have the field, score multiplied by (k1 + 1), and document lengths rounded the way
Lucene stores them in one byte (exact below 24 terms, four significant bits above).
Fuzzy expansions of one query term share the largest document frequency among them
(Lucene's "blended" frequencies), so a rare misspelling is not rewarded for being rare.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from ..fuzzy import FuzzyVocabulary, auto_max_edits

K1 = 1.2
B = 0.75


def _long_to_int4(value: int) -> int:
    bits = value.bit_length()
    if bits < 4:
        return value
    shift = bits - 4
    encoded = (value >> shift) & 0x07
    return encoded | ((shift + 1) << 3)


def _int4_to_long(encoded: int) -> int:
    bits = encoded & 0x07
    shift = (encoded >> 3) - 1
    return bits if shift == -1 else (bits | 0x08) << shift


_NUM_FREE_VALUES = 255 - _long_to_int4(2**31 - 1)


def lucene_length(length: int) -> int:
    """The field length Lucene remembers for a field of `length` terms (SmallFloat.intToByte4 round trip)."""
    if length < _NUM_FREE_VALUES:
        return length
    return _NUM_FREE_VALUES + _int4_to_long(_long_to_int4(length - _NUM_FREE_VALUES))


class FieldIndex:
    """An inverted index of one keyword field over the documents of a snapshot."""

    def __init__(self, documents_terms: list[list[str]]):
        self.size = len(documents_terms)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        lengths = np.zeros(self.size, dtype=np.float64)
        for doc, terms in enumerate(documents_terms):
            lengths[doc] = lucene_length(len(terms))
            for term, count in Counter(terms).items():
                docs, counts = postings.setdefault(term, ([], []))
                docs.append(doc)
                counts.append(count)
        self.postings = {
            term: (np.array(docs, dtype=np.int64), np.array(counts, dtype=np.float64))
            for term, (docs, counts) in postings.items()
        }
        exact_lengths = np.array([len(terms) for terms in documents_terms], dtype=np.float64)
        self.doc_count = int((exact_lengths > 0).sum())
        average = exact_lengths.sum() / self.doc_count if self.doc_count else 1.0
        self.length_norm = K1 * ((1 - B) + B * lengths / average)
        self.vocabulary = FuzzyVocabulary(self.postings)

    def idf(self, doc_freq: int) -> float:
        return math.log(1 + (self.doc_count - doc_freq + 0.5) / (doc_freq + 0.5))

    def term_scores(self, term: str, fuzzy: bool) -> np.ndarray | None:
        """Scores of every document for one query term (with its fuzzy expansions), None if nothing matches."""
        max_edits = auto_max_edits(term) if fuzzy else 0
        expansions = self.vocabulary.expand(term, max_edits)
        if not expansions:
            return None
        # Blended document frequency only applies when the term went through a fuzzy query.
        blended = max(len(self.postings[e.term][0]) for e in expansions) if max_edits else None
        scores = np.zeros(self.size, dtype=np.float64)
        for expansion in expansions:
            docs, counts = self.postings[expansion.term]
            idf = self.idf(blended if blended is not None else len(docs))
            weight = expansion.boost * idf * (K1 + 1)
            scores[docs] += weight * counts / (counts + self.length_norm[docs])
        return scores


def group_scores(fields: dict[str, FieldIndex], boosts: dict[str, float], groups, fuzzy: bool, size: int) -> np.ndarray:
    """One row per query word: its best variant's boosted multi-field score (ES: dis_max of most_fields)."""
    rows = np.zeros((len(groups), size), dtype=np.float64)
    for row, variants in enumerate(groups):
        for variant in variants:
            variant_scores = np.zeros(size, dtype=np.float64)
            for name, index in fields.items():
                scores = index.term_scores(variant, fuzzy)
                if scores is not None:
                    variant_scores += boosts[name] * scores
            np.maximum(rows[row], variant_scores, out=rows[row])
    return rows


def keyword_scores(fields: dict[str, FieldIndex], boosts: dict[str, float], groups, fuzzy: bool, size: int) -> np.ndarray:
    """BM25 of the whole query: the sum over query words of `group_scores`."""
    return group_scores(fields, boosts, groups, fuzzy, size).sum(axis=0)
