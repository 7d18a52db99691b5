"""The contract between the shared query logic (search.query) and a backend's storage.

A backend answers one `RetrievalPlan` with one `Retrieval`, defined identically for all:

* C(S) = the candidates under facet selections S: documents passing the date filter and
  S that match the keyword query (any term group) or are among the `vector_k` documents
  nearest the query vector within that same filter whose score reaches `min_score` (a
  page no closer than that is not about the question, however near it is among the rest).
* `keyword`: the keyword matches in C(S): the first `keyword_window` by BM25 (ties by id),
  rescored by query coverage and re-sorted (search.coordination), best first.
* `vector`: the vector neighbours in C(S), best first (score = best passage).
* `total`: the size of C(S).
* `facets[F]`: value counts over C(S without F's own selection). Selecting more values
  of one facet ORs them, so a citizen must see what each other value would add
  ("disjunctive" facets); the facets not selected are counted over C(S) itself.
* `evidence`: what search.answerability weighs to decide that the site holds no answer:
  per query word the pages of the whole index it matches as the keyword side matches it
  (fuzzy included) and the pages holding one of its stems (no fuzzy expansion), and the
  scores of the `vector_k` pages nearest the query under the date filter and S, *whatever
  the floor* (the floor decides candidates; the evidence needs the query's whole
  neighbourhood to tell a page that stands out from a crowd).

Defining this once lets both backends agree on totals and counts, not only on the order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np


@dataclass(frozen=True)
class RetrievalPlan:
    groups: tuple[tuple[str, ...], ...]  # keyword term groups (variants of one query word); empty: no keyword side
    fuzzy: bool
    vector: np.ndarray | None  # query vector; None: no vector side
    selections: dict[str, tuple[str, ...]]
    date_from: date | None
    date_to: date | None
    keyword_window: int
    vector_k: int
    min_score: float = 0.0  # vector neighbours scoring below this are no candidates

    @property
    def uses_keyword(self) -> bool:
        return bool(self.groups)

    @property
    def uses_vector(self) -> bool:
        return self.vector is not None

    def selections_without(self, facet: str | None) -> dict[str, tuple[str, ...]]:
        return {name: values for name, values in self.selections.items() if name != facet}

    def facet_variants(self) -> list[str | None]:
        """None (all selections) plus each facet with a selection: the filters vector search must run under."""
        return [None, *self.selections]


@dataclass(frozen=True)
class VectorHit:
    id: str
    score: float
    passage: int  # position of the best passage in the document


@dataclass(frozen=True)
class Evidence:
    """What a backend saw beyond the ranked lists; read by search.answerability."""

    #: Per query word (term group), the pages of the whole index it matches (fuzzy included).
    word_pages: tuple[int, ...] = ()
    #: Per query word, the pages of the whole index holding one of its stems.
    stem_pages: tuple[int, ...] = ()
    #: Pages in the whole index.
    page_count: int = 0
    #: Vector scores of the nearest `vector_k` pages under the filters, best first, floor or not.
    nearest: tuple[float, ...] = ()


@dataclass
class Retrieval:
    keyword: list[tuple[str, float]] = field(default_factory=list)
    vector: list[VectorHit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    evidence: Evidence = field(default_factory=Evidence)
