"""Typo tolerance the way Elasticsearch does it, for the backends that have no Lucene.

Elasticsearch's fuzzy matching lets a query term match index terms within a number of
edits, counting a swap of two neighbours as one edit; each match is boosted by
1 - edits / min(len(query term), len(index term)) and at most 50 expansions are kept. The
local backend uses this module to expand query terms over its vocabulary, and the
Elasticsearch backend sends the very same edit counts and prefix length, so both backends
forgive the same typos.

Our rule is stricter than Elasticsearch's `AUTO` (1 edit from 3 characters, 2 from 6): we
match *stems*, which are short, and Dutch stems of six letters are two edits away from
many unrelated words ("parker" ~ "parken" ~ "marker"). So: exact up to 3 characters, 1
edit from 4, 2 from 8, the first letter must be right (people rarely mistype it), and
terms with digits stay exact ("2024" must not find "2023").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

MAX_EXPANSIONS = 50
#: Leading characters that must match exactly (Elasticsearch `prefix_length`).
PREFIX_LENGTH = 1
ONE_EDIT_FROM = 4
TWO_EDITS_FROM = 8


def auto_max_edits(term: str) -> int:
    """Edits allowed for `term`: 0 below 4 characters, 1 below 8, else 2; 0 for terms holding digits."""
    if any(char.isdigit() for char in term):
        return 0
    length = len(term)
    if length < ONE_EDIT_FROM:
        return 0
    return 1 if length < TWO_EDITS_FROM else 2


def fuzzy_boost(query_term: str, term: str, edits: int) -> float:
    """Lucene's FuzzyTermsEnum boost: exact matches 1, others 1 - edits / shorter length."""
    if edits == 0:
        return 1.0
    return 1.0 - edits / min(len(query_term), len(term))


def _codes(terms: list[str], length: int) -> np.ndarray:
    return np.array([[ord(char) for char in term] for term in terms], dtype=np.int32).reshape(len(terms), length)


def osa_distances(query: str, candidates: np.ndarray) -> np.ndarray:
    """Optimal-string-alignment distance from `query` to each row of `candidates` (same length rows).

    Vectorised over the candidates: one numpy operation per (query char, candidate char)
    pair instead of one Python loop per candidate.
    """
    count, length = candidates.shape
    q = [ord(char) for char in query]
    previous2 = None
    previous = np.broadcast_to(np.arange(length + 1, dtype=np.int32), (count, length + 1)).copy()
    for i in range(1, len(q) + 1):
        current = np.empty_like(previous)
        current[:, 0] = i
        for j in range(1, length + 1):
            cost = (candidates[:, j - 1] != q[i - 1]).astype(np.int32)
            best = np.minimum(previous[:, j] + 1, previous[:, j - 1] + cost)
            best = np.minimum(best, current[:, j - 1] + 1)
            if previous2 is not None and j > 1:
                swapped = (candidates[:, j - 1] == q[i - 2]) & (candidates[:, j - 2] == q[i - 1])
                best = np.where(swapped, np.minimum(best, previous2[:, j - 2] + 1), best)
            current[:, j] = best
        previous2, previous = previous, current
    return previous[:, length]


@dataclass(frozen=True)
class Expansion:
    term: str
    boost: float


class FuzzyVocabulary:
    """The terms of one field, bucketed by length, ready to answer "which terms are near X"."""

    def __init__(self, terms):
        buckets: dict[int, list[str]] = defaultdict(list)
        self._terms = set()
        for term in terms:
            if term not in self._terms:
                self._terms.add(term)
                buckets[len(term)].append(term)
        self._buckets = {length: (sorted(group), None) for length, group in buckets.items()}
        #: Memo of expansions: the vocabulary never changes and queries repeat.
        self._expansions: dict[tuple[str, int, int], list[Expansion]] = {}

    def __contains__(self, term: str) -> bool:
        return term in self._terms

    def _bucket(self, length: int) -> tuple[list[str], np.ndarray]:
        terms, codes = self._buckets[length]
        if codes is None:
            codes = _codes(terms, length)
            self._buckets[length] = (terms, codes)
        return terms, codes

    def expand(self, query_term: str, max_edits: int, max_expansions: int = MAX_EXPANSIONS) -> list[Expansion]:
        """Index terms within `max_edits` of `query_term`, best boost first, at most `max_expansions`."""
        if max_edits == 0:
            return [Expansion(query_term, 1.0)] if query_term in self._terms else []
        key = (query_term, max_edits, max_expansions)
        if key not in self._expansions:
            self._expansions[key] = self._expand(query_term, max_edits, max_expansions)
        return self._expansions[key]

    def _expand(self, query_term: str, max_edits: int, max_expansions: int) -> list[Expansion]:
        found: list[Expansion] = []
        size = len(query_term)
        prefix = [ord(char) for char in query_term[:PREFIX_LENGTH]]
        for length in range(max(len(prefix), size - max_edits), size + max_edits + 1):
            if length not in self._buckets:
                continue
            terms, codes = self._bucket(length)
            rows = np.flatnonzero(np.all(codes[:, : len(prefix)] == prefix, axis=1))  # prefix first: cheap
            if not len(rows):
                continue
            distances = osa_distances(query_term, codes[rows])
            close = distances <= max_edits
            for row, edits in zip(rows[close], distances[close]):
                found.append(Expansion(terms[row], fuzzy_boost(query_term, terms[row], int(edits))))
        found.sort(key=lambda expansion: (-expansion.boost, expansion.term))
        return found[:max_expansions]


def osa_distance(a: str, b: str, limit: int) -> int:
    """Distance between two words, or limit + 1 when it exceeds `limit` or the prefixes differ.

    Plain Python for one pair (snippets compare a few hundred words); numpy only pays off
    over many candidates at once.
    """
    if abs(len(a) - len(b)) > limit or a[:PREFIX_LENGTH] != b[:PREFIX_LENGTH]:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)
