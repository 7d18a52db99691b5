"""Hybrid ranking: how keyword and vector results become one list, chosen by SEARCH_FUSION.

Two methods, both measured on the labelled set (search/evaluation.py, `evaluate_search
--fusion`), both backends identical:

* "similarity" (the default): a page's vector score plus a keyword bonus proportional to
  its coordinated BM25 score (search.coordination),

      score = similarity + KEYWORD_BONUS * keyword / best keyword score of the query,

  where similarity is the page's best passage ((1 + cosine) / 2) and, for a keyword match
  outside the vector neighbours, the score of the last neighbour (a backend knows no more
  about it, and it cannot be closer than that), or the vector floor when no page reached it.
* "rrf": reciprocal rank fusion, sum of 1 / (RRF_K + rank) over both lists.

Why "similarity" is the default: RRF treats a keyword rank 1 as sure as a vector rank 1,
whatever the scores say. Citizens' questions match common words ("huis", "stad", "city")
on pages that do not answer them, and a page found by both lists at rank 5 then beats the
clear meaning match found by one. Measured with the coordinated keyword side (105
queries; MRR@10 / nDCG@10 / hit@3): keyword-only 0.794 / 0.725 / 0.829, vector-only
0.881 / 0.852 / 0.943, RRF 0.854 / 0.824 / 0.914, similarity + 0.01 0.900 / 0.865 / 0.962.
Before trusting the bonus we split the set in two halves (alternate queries): every bonus
from 0.008 to 0.012 beats vector-only on MRR and nDCG in both halves and never loses on
hit@3, so 0.01 sits in the middle of a plateau rather than on a peak (at 0.01: half A
0.862 / 0.840 / 0.925 against 0.846 / 0.829 / 0.925, half B 0.939 / 0.891 / 1.000 against
0.917 / 0.875 / 0.962). RRF stays available for a corpus or a model where the two
lists are closer in quality; `evaluate_search --fusion rrf` measures it on yours.
"""

from __future__ import annotations

from collections.abc import Callable

from .retrieval import VectorHit

SIMILARITY = "similarity"
RRF = "rrf"
METHODS = (SIMILARITY, RRF)
DEFAULT_METHOD = SIMILARITY

#: What the best keyword match adds to a page's vector score ((1 + cosine) / 2).
KEYWORD_BONUS = 0.01
#: The usual RRF constant (Cormack et al. 2009; Elasticsearch's default rank_constant).
RRF_K = 60

Ranking = list[tuple[str, float]]


def by_similarity(keyword: Ranking, vector: list[VectorHit], floor: float = 0.0, bonus: float = KEYWORD_BONUS) -> Ranking:
    """Vector score plus a bonus relative to the query's best keyword score; ties by id.

    `floor` is the vector floor (search.retrieval's min_score): every page outside the
    neighbours scored below it, so it is where a keyword-only match starts when there are none.
    """
    similarity = {hit.id: hit.score for hit in vector}
    floor = min(similarity.values(), default=floor)
    best = max((score for _, score in keyword), default=0.0)
    fused = dict(similarity)
    if best > 0:
        for doc_id, score in keyword:
            fused[doc_id] = similarity.get(doc_id, floor) + bonus * score / best
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def by_reciprocal_rank(keyword: Ranking, vector: list[VectorHit], floor: float = 0.0, k: int = RRF_K) -> Ranking:
    """Sum of 1 / (k + rank) over the lists a page is in; ties by id (ranks only: `floor` is unused)."""
    fused: dict[str, float] = {}
    for ranked in ([doc_id for doc_id, _ in keyword], [hit.id for hit in vector]):
        for rank, doc_id in enumerate(ranked, start=1):
            fused[doc_id] = fused.get(doc_id, 0.0) + 1.0 / (k + rank)
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


FUSERS: dict[str, Callable[[Ranking, list[VectorHit], float], Ranking]] = {
    SIMILARITY: by_similarity,
    RRF: by_reciprocal_rank,
}


def fuser(method: str) -> Callable[[Ranking, list[VectorHit], float], Ranking]:
    """The function of a fusion method, or a ValueError naming the methods there are."""
    try:
        return FUSERS[method]
    except KeyError:
        raise ValueError(f"fusion must be one of {', '.join(METHODS)}, not {method!r}") from None


def fuse(keyword: Ranking, vector: list[VectorHit], method: str = DEFAULT_METHOD, floor: float = 0.0) -> Ranking:
    return fuser(method)(keyword, vector, floor)
