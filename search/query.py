"""Search queries and answers, and the hybrid logic every backend shares.

A backend only retrieves (see `search.retrieval`); everything a citizen notices about
ranking is decided here, once: how the query is analysed, how keyword and vector results
are fused (see `search.fusion`), which page of results is shown, and what the snippet says. Both
backends therefore differ only where their scores differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from django.conf import settings

from .answerability import NoAnswer, judge
from .documents import FACETS
from .embeddings import query_vector
from .fusion import DEFAULT_METHOD, fuse, fuser
from .retrieval import Retrieval, RetrievalPlan, VectorHit
from .snippets import TermMatcher, build_snippet
from .text import DEFAULT_LANGUAGE, analyze_query

if TYPE_CHECKING:
    from .backends.base import BaseSearchBackend

RANK_WINDOW = 100
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
#: Deepest result one can page to; nobody reads further, and Elasticsearch caps windows.
MAX_RESULTS = 1000


class SearchMode(StrEnum):
    KEYWORD = "keyword"
    VECTOR = "vector"
    HYBRID = "hybrid"


def _tuple(values) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(dict.fromkeys(value for value in values if value))


@dataclass(frozen=True)
class SearchQuery:
    """What a citizen asked. Several values of one facet are ORed; different facets are ANDed.

    `language` is the language the query is written in (for stop words and stemming); it
    defaults to the single language filtered on, else the site's language.
    """

    text: str
    mode: SearchMode = SearchMode.HYBRID
    language: str | None = None
    themes: tuple[str, ...] = ()
    wijken: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    fuzzy: bool = True
    #: How hybrid mode fuses (search.fusion); None: settings.SEARCH_FUSION.
    fusion: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "mode", SearchMode(self.mode))
        if self.fusion is not None:
            fuser(self.fusion)  # an unknown method fails here, naming the ones there are
        for name in ("themes", "wijken", "types", "languages"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))
        if self.page < 1:
            raise ValueError("page starts at 1")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        if self.page * self.page_size > MAX_RESULTS:
            raise ValueError(f"results beyond the first {MAX_RESULTS} cannot be paged to")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")

    @property
    def selections(self) -> dict[str, tuple[str, ...]]:
        values = {"theme": self.themes, "wijk": self.wijken, "type": self.types, "language": self.languages}
        return {facet: chosen for facet, chosen in values.items() if chosen}

    @property
    def fusion_method(self) -> str:
        return self.fusion or getattr(settings, "SEARCH_FUSION", DEFAULT_METHOD)

    @property
    def query_language(self) -> str:
        if self.language:
            return self.language
        if len(self.languages) == 1:
            return self.languages[0]
        return getattr(settings, "LANGUAGE_CODE", DEFAULT_LANGUAGE).split("-")[0]


@dataclass
class SearchHit:
    id: str
    title: str
    url: str
    score: float
    snippet: str  # HTML, query words in <mark>
    language: str
    page_type: str
    themes: tuple[str, ...]
    wijken: tuple[str, ...]
    date: date | None
    keyword_rank: int | None = None
    vector_rank: int | None = None


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]]
    backend: dict = field(default_factory=dict)
    #: Why the site holds no answer (search.answerability); None when results were looked for.
    no_answer: NoAnswer | None = None

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def pages(self) -> int:
        return -(-self.total // self.query.page_size)

    def metadata(self) -> dict:
        """What an API answer reports beside the hits: counts, paging, which backend answered,
        and why nothing was found when the site holds no answer."""
        return {
            "total": self.total,
            "page": self.page,
            "page_size": self.query.page_size,
            "pages": self.pages,
            "mode": str(self.query.mode),
            "backend": self.backend,
            "no_answer": self.no_answer.to_dict() if self.no_answer else None,
        }


@dataclass(frozen=True)
class Suggestion:
    id: str
    title: str
    url: str
    language: str


def site_languages() -> tuple[str, ...]:
    return tuple(code for code, _ in getattr(settings, "LANGUAGES", [(DEFAULT_LANGUAGE, "")]))


def plan_for(query: SearchQuery, embedder, vector_k: int, min_score: float = 0.0) -> RetrievalPlan | None:
    """What to retrieve for `query`, or None when there is nothing to search for."""
    text = query.text.strip()
    if not text:
        return None
    groups: tuple = ()
    if query.mode != SearchMode.VECTOR:
        variant_languages = query.languages or site_languages()
        groups = tuple(analyze_query(text, query.query_language, variant_languages))
    vector = query_vector(embedder, text) if query.mode != SearchMode.KEYWORD else None
    if not groups and vector is None:
        return None
    return RetrievalPlan(
        groups=groups,
        fuzzy=query.fuzzy,
        vector=vector,
        selections=query.selections,
        date_from=query.date_from,
        date_to=query.date_to,
        keyword_window=max(RANK_WINDOW, query.page * query.page_size + vector_k),
        vector_k=vector_k,
        min_score=min_score,
    )


def _ranking(query: SearchQuery, retrieval: Retrieval, floor: float) -> list[tuple[str, float]]:
    if query.mode == SearchMode.KEYWORD:
        return retrieval.keyword
    if query.mode == SearchMode.VECTOR:
        return [(hit.id, hit.score) for hit in retrieval.vector]
    return fuse(retrieval.keyword, retrieval.vector, query.fusion_method, floor)


def _facets(query: SearchQuery, counts: dict[str, dict[str, int]]) -> dict[str, list[FacetValue]]:
    facets = {}
    for facet in FACETS:
        chosen = query.selections.get(facet, ())
        values = dict(counts.get(facet, {}))
        for value in chosen:  # a selected value stays visible, even at zero
            values.setdefault(value, 0)
        ordered = sorted(values.items(), key=lambda item: (-item[1], item[0]))
        facets[facet] = [FacetValue(value, count, value in chosen) for value, count in ordered]
    return facets


def execute(backend: BaseSearchBackend, query: SearchQuery) -> SearchResults:
    """Run `query` on `backend`: plan, retrieve, fuse, page, and build snippets."""
    embedder = backend.embedder if query.mode != SearchMode.KEYWORD else None
    plan = plan_for(query, embedder, backend.vector_k, backend.vector_min_score)
    if plan is None:
        return SearchResults(query, [], 0, _facets(query, {}), backend.describe())
    retrieval = backend.retrieve(plan)
    no_answer = judge(
        retrieval.evidence, backend.answer_margins, keyword_side=plan.uses_keyword, vector_side=plan.uses_vector
    )
    if no_answer is not None:
        return SearchResults(query, [], 0, _facets(query, {}), backend.describe(), no_answer=no_answer)
    ranking = _ranking(query, retrieval, plan.min_score)
    start = (query.page - 1) * query.page_size
    page = ranking[start : start + query.page_size]
    stored = backend.load([doc_id for doc_id, _ in page])
    keyword_rank = {doc_id: rank for rank, (doc_id, _) in enumerate(retrieval.keyword, start=1)}
    vector_rank = {hit.id: rank for rank, hit in enumerate(retrieval.vector, start=1)}
    best_passage = {hit.id: hit.passage for hit in retrieval.vector}
    matcher = TermMatcher(plan.groups, plan.fuzzy)
    hits = []
    for doc_id, score in page:
        if doc_id not in stored:  # deleted between retrieval and load
            continue
        document = stored[doc_id].document
        hits.append(
            SearchHit(
                id=doc_id,
                title=document.title,
                url=document.url,
                score=float(score),
                snippet=build_snippet(stored[doc_id].passages, document.language, matcher, best_passage.get(doc_id)),
                language=document.language,
                page_type=document.page_type,
                themes=document.themes,
                wijken=document.wijken,
                date=document.date,
                keyword_rank=keyword_rank.get(doc_id),
                vector_rank=vector_rank.get(doc_id),
            )
        )
    return SearchResults(query, hits, retrieval.total, _facets(query, retrieval.facets), backend.describe())
