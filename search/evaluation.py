"""How good is our search? MRR@10, nDCG@10 and hit@3 over a labelled set of real questions,
and whether it says "nothing found" when the site holds no answer.

The set (search/evaluation_set/queries.json) holds questions phrased the way citizens and
staff ask them, in Dutch and English, each with the pages that answer it, graded 3 (the
answer), 2 (a good answer, or one that covers most of it) or 1 (useful context). A page is
named by its URL path without the locale ("themas/bewonerskaart-parkeren"), so the Dutch
page and its translations share one judgement: a citizen reading English is as well served
by the English translation as by the Dutch original.

Scoring rules, fixed here so every backend and mode is held to the same ones:

* Each judged page earns its gain once, at its best rank: the English and Dutch versions
  of one page in the top 10 do not count twice (otherwise a translated page would look
  better than an untranslated one that answers just as well).
* nDCG uses exponential gain (2^grade - 1) with a log2(rank + 1) discount; the ideal
  ranking is the judged pages sorted by grade. MRR and hit@k count a page of any grade.
* `dutch_hit_at_3`, for English questions only, counts only Dutch pages: whether a citizen
  asking in English is shown the Dutch page that answers, which is the point of the
  multilingual embedder (most of our pages exist only in Dutch).

The set also holds questions the site cannot answer (kind "unanswerable", no judgements:
nonsense, typos of no word, other cities, topics the city does not handle). They take no
part in MRR, nDCG or hit@k, which stay the figures of the answerable questions; instead
`no_answer` is the share of them that get no results at all, and `hit@10` the share of
answerable questions that still find one of their pages in the first ten: a search that
says "nothing found" too eagerly loses the second, one that never says it loses the first.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean

from .query import SearchMode, SearchQuery

EVALUATION_SET = Path(__file__).resolve().parent / "evaluation_set" / "queries.json"
#: Rank cut-offs of the reported metrics.
DEPTH = 10
HIT_DEPTH = 3
GRADES = (1, 2, 3)
LANGUAGES = ("nl", "en")
#: "paraphrase": asked in the citizen's own words; "name": names a place, service or programme.
KINDS = ("paraphrase", "name")
#: The kind of a question the site holds no answer to (it has no judgements).
UNANSWERABLE = "unanswerable"
LOCALES = ("nl", "en", "fr")
MODES = (SearchMode.KEYWORD, SearchMode.VECTOR, SearchMode.HYBRID)


class EvaluationSetError(ValueError):
    """The labelled set is malformed: a query without judgements, a grade out of range, ..."""


def page_key(url_or_path: str) -> str:
    """The judgement key of a page: its URL path without locale and outer slashes.

    "/nl/themas/grof-huisvuil-laten-ophalen/" and "/en/themas/grof-huisvuil-laten-ophalen/"
    both become "themas/grof-huisvuil-laten-ophalen".
    """
    parts = [part for part in url_or_path.strip().split("/") if part]
    if parts and parts[0] in LOCALES:
        parts = parts[1:]
    return "/".join(parts)


@dataclass(frozen=True)
class LabelledQuery:
    id: str
    text: str
    language: str
    relevant: dict[str, int]  # page key -> grade; empty for an unanswerable question
    kind: str = "paraphrase"  # or "name": the question names a place, service or programme; or UNANSWERABLE

    @property
    def answerable(self) -> bool:
        return self.kind != UNANSWERABLE

    @property
    def best_grade(self) -> int:
        return max(self.relevant.values(), default=0)


def parse_queries(data: Sequence[dict]) -> list[LabelledQuery]:
    """Labelled queries from their JSON form, validated (ids unique, grades 1-3, known languages)."""
    queries: list[LabelledQuery] = []
    seen: set[str] = set()
    for position, item in enumerate(data, start=1):
        query_id = str(item.get("id") or position)
        where = f"query {query_id!r}"
        if query_id in seen:
            raise EvaluationSetError(f"{where}: duplicate id")
        seen.add(query_id)
        text = str(item.get("query", "")).strip()
        if not text:
            raise EvaluationSetError(f"{where}: empty query")
        language = item.get("language")
        if language not in LANGUAGES:
            raise EvaluationSetError(f"{where}: language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        relevant: dict[str, int] = {}
        for judgement in item.get("relevant") or ():
            key = page_key(judgement.get("page", ""))
            grade = judgement.get("grade")
            if not key:
                raise EvaluationSetError(f"{where}: a judgement names no page")
            if grade not in GRADES:
                raise EvaluationSetError(f"{where}: grade of {key!r} must be 1, 2 or 3, not {grade!r}")
            if key in relevant:
                raise EvaluationSetError(f"{where}: {key!r} judged twice")
            relevant[key] = grade
        kind = item.get("kind", "paraphrase")
        if kind not in (*KINDS, UNANSWERABLE):
            raise EvaluationSetError(f"{where}: kind must be one of {', '.join((*KINDS, UNANSWERABLE))}, not {kind!r}")
        if kind == UNANSWERABLE and relevant:
            raise EvaluationSetError(f"{where}: an unanswerable question has no relevant pages")
        if kind != UNANSWERABLE and not relevant:
            raise EvaluationSetError(f"{where}: no relevant pages (a question the site cannot answer is kind {UNANSWERABLE!r})")
        queries.append(LabelledQuery(query_id, text, language, relevant, kind))
    return queries


def load_queries(path: Path | str = EVALUATION_SET) -> list[LabelledQuery]:
    with open(path, encoding="utf-8") as handle:
        return parse_queries(json.load(handle))


# --- metrics: pure functions of a ranked list of page keys and the judgements --------------


def credited_grades(ranked: Sequence[str | None], relevant: dict[str, int], k: int = DEPTH) -> list[int]:
    """The grade each of the first k results earns: 0 when not judged, or judged higher up already."""
    credited: set[str] = set()
    grades = []
    for key in ranked[:k]:
        grade = relevant.get(key, 0) if key is not None and key not in credited else 0
        if grade:
            credited.add(key)
        grades.append(grade)
    return grades


def reciprocal_rank(ranked: Sequence[str | None], relevant: dict[str, int], k: int = DEPTH) -> float:
    """1 / rank of the first relevant result within the first k, else 0."""
    for rank, grade in enumerate(credited_grades(ranked, relevant, k), start=1):
        if grade:
            return 1.0 / rank
    return 0.0


def _dcg(grades: Iterable[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg(ranked: Sequence[str | None], relevant: dict[str, int], k: int = DEPTH) -> float:
    """Normalised discounted cumulative gain at k, with gain 2^grade - 1."""
    ideal = _dcg(sorted(relevant.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return _dcg(credited_grades(ranked, relevant, k)) / ideal


def hit_at(ranked: Sequence[str | None], relevant: dict[str, int], k: int = HIT_DEPTH) -> float:
    """1.0 when a relevant page is among the first k results, else 0.0."""
    return 1.0 if any(credited_grades(ranked, relevant, k)) else 0.0


# --- running the set against a backend ----------------------------------------------------


@dataclass(frozen=True)
class RankedHit:
    key: str
    language: str
    title: str


@dataclass
class QueryOutcome:
    query: LabelledQuery
    hits: list[RankedHit]
    mrr: float
    ndcg: float
    hit3: float
    dutch_hit3: float | None  # English queries only
    hit10: float = 0.0
    #: Why the search found nothing, as the answer's metadata says (search.answerability); "" when it found something.
    no_answer: str = ""

    @property
    def keys(self) -> list[str]:
        return [hit.key for hit in self.hits]

    @property
    def found_nothing(self) -> bool:
        return not self.hits

    def to_dict(self) -> dict:
        return {
            "id": self.query.id,
            "query": self.query.text,
            "language": self.query.language,
            "kind": self.query.kind,
            "mrr": self.mrr,
            "ndcg": self.ndcg,
            "hit3": self.hit3,
            "hit10": self.hit10,
            "dutch_hit3": self.dutch_hit3,
            "found_nothing": self.found_nothing,
            "no_answer": self.no_answer,
            "top": [f"/{hit.language}/{hit.key}/" for hit in self.hits[:HIT_DEPTH]],
        }


def _mean(values) -> float:
    values = [value for value in values if value is not None]
    return fmean(values) if values else 0.0


@dataclass
class ModeReport:
    """The metrics of one backend and mode over the set (and its Dutch and English parts)."""

    backend: str
    mode: str
    outcomes: list[QueryOutcome] = field(default_factory=list)

    def halves(self) -> tuple[ModeReport, ModeReport]:
        """The report over alternate queries (1st, 3rd, ... and 2nd, 4th, ... of the answerable
        ones, and likewise of the unanswerable ones): a win that
        holds on both halves is not one lucky query, and a parameter chosen on one half can
        be checked on the other."""
        answerable, unanswerable = self.part(), self.unanswerable()  # halved apart: adding one kind moves no other
        return (
            ModeReport(self.backend, f"{self.mode} (half A)", answerable[0::2] + unanswerable[0::2]),
            ModeReport(self.backend, f"{self.mode} (half B)", answerable[1::2] + unanswerable[1::2]),
        )

    def part(self, language: str | None = None) -> list[QueryOutcome]:
        """The answerable questions (in `language`): what MRR, nDCG and hit@k are means over."""
        return [o for o in self.outcomes if o.query.answerable and (language is None or o.query.language == language)]

    def unanswerable(self, language: str | None = None) -> list[QueryOutcome]:
        return [o for o in self.outcomes if not o.query.answerable and (language is None or o.query.language == language)]

    def no_answer(self, language: str | None = None) -> float:
        """Share of the unanswerable questions that get no results at all."""
        return _mean(float(o.found_nothing) for o in self.unanswerable(language))

    def hit10(self, language: str | None = None) -> float:
        """Share of the answerable questions with one of their pages in the first ten results."""
        return _mean(o.hit10 for o in self.part(language))

    def found_nothing(self) -> float:
        """Share of the answerable questions that got no results at all (wrongly)."""
        return _mean(float(o.found_nothing) for o in self.part())

    def of_kind(self, kind: str) -> dict:
        outcomes = [o for o in self.outcomes if o.query.kind == kind]
        return {
            "queries": len(outcomes),
            "mrr@10": _mean(o.mrr for o in outcomes),
            "ndcg@10": _mean(o.ndcg for o in outcomes),
            "hit@3": _mean(o.hit3 for o in outcomes),
        }

    def mrr(self, language: str | None = None) -> float:
        return _mean(o.mrr for o in self.part(language))

    def ndcg(self, language: str | None = None) -> float:
        return _mean(o.ndcg for o in self.part(language))

    def hit3(self, language: str | None = None) -> float:
        return _mean(o.hit3 for o in self.part(language))

    @property
    def dutch_hit3(self) -> float:
        """For English queries: share with a relevant *Dutch* page in the top 3."""
        return _mean(o.dutch_hit3 for o in self.part("en"))

    def summary(self) -> dict:
        return {
            "backend": self.backend,
            "mode": self.mode,
            "queries": len(self.part()),
            "mrr@10": self.mrr(),
            "ndcg@10": self.ndcg(),
            "hit@3": self.hit3(),
            "hit@10": self.hit10(),
            "answerable_found_nothing": self.found_nothing(),
            "unanswerable": {
                "queries": len(self.unanswerable()),
                "no_answer": self.no_answer(),
                **{language: {"queries": len(self.unanswerable(language)), "no_answer": self.no_answer(language)}
                   for language in LANGUAGES},
            },
            "nl": {"queries": len(self.part("nl")), "mrr@10": self.mrr("nl"), "ndcg@10": self.ndcg("nl"), "hit@3": self.hit3("nl")},
            "en": {
                "queries": len(self.part("en")),
                "mrr@10": self.mrr("en"),
                "ndcg@10": self.ndcg("en"),
                "hit@3": self.hit3("en"),
                "dutch_hit@3": self.dutch_hit3,
            },
            **{kind: self.of_kind(kind) for kind in KINDS},
        }

    def to_dict(self) -> dict:
        return {
            **self.summary(),
            "halves": [half.summary() for half in self.halves()],
            "per_query": [outcome.to_dict() for outcome in self.outcomes],
        }


def judge(query: LabelledQuery, hits: Sequence[RankedHit], no_answer: str = "") -> QueryOutcome:
    """Score one query's ranked hits against its judgements; `no_answer`: why the search found nothing."""
    keys = [hit.key for hit in hits]
    dutch_hit3 = None
    if query.language != "nl":
        dutch_only = [hit.key if hit.language == "nl" else None for hit in hits]
        dutch_hit3 = hit_at(dutch_only, query.relevant, HIT_DEPTH)
    return QueryOutcome(
        query=query,
        hits=list(hits),
        mrr=reciprocal_rank(keys, query.relevant, DEPTH),
        ndcg=ndcg(keys, query.relevant, DEPTH),
        hit3=hit_at(keys, query.relevant, HIT_DEPTH),
        dutch_hit3=dutch_hit3,
        hit10=hit_at(keys, query.relevant, DEPTH),
        no_answer=no_answer,
    )


def ranked_hits(backend, query: LabelledQuery, mode: SearchMode | str, fusion: str | None = None) -> list[RankedHit]:
    """The first DEPTH results a citizen gets for `query` (all languages, no filters)."""
    return search_outcome(backend, query, mode, fusion)[0]


def search_outcome(
    backend, query: LabelledQuery, mode: SearchMode | str, fusion: str | None = None
) -> tuple[list[RankedHit], str]:
    """The first DEPTH results for `query` (all languages, no filters), and why there are none, if so."""
    search = SearchQuery(query.text, mode=mode, language=query.language, page_size=DEPTH, fusion=fusion)
    results = backend.search(search)
    hits = [RankedHit(page_key(hit.url), hit.language, hit.title) for hit in results.hits]
    return hits, (results.no_answer.reason if results.no_answer else "")


def evaluate(
    backend, queries: Sequence[LabelledQuery], modes: Iterable[SearchMode | str] = MODES, fusion: str | None = None
) -> list[ModeReport]:
    """One report per mode for `backend` over `queries`; `fusion` overrides settings.SEARCH_FUSION."""
    reports = []
    for mode in modes:
        report = ModeReport(backend=backend.kind, mode=str(SearchMode(mode)))
        report.outcomes = [judge(query, *search_outcome(backend, query, mode, fusion)) for query in queries]
        reports.append(report)
    return reports


def format_table(reports: Sequence[ModeReport]) -> str:
    """Plain-text tables: one row per backend and mode, overall and per language; then the
    answerable and unanswerable figures on the whole set and on each half."""
    header = (
        f"{'backend':<14}{'mode':<9}{'MRR@10':>8}{'nDCG@10':>9}{'hit@3':>7}"
        f"{'nl MRR':>8}{'nl nDCG':>9}{'en MRR':>8}{'en nDCG':>9}{'en hit@3':>9}{'en->nl hit@3':>13}"
    )
    lines = [header, "-" * len(header)]
    for r in reports:
        lines.append(
            f"{r.backend:<14}{r.mode:<9}{r.mrr():>8.3f}{r.ndcg():>9.3f}{r.hit3():>7.3f}"
            f"{r.mrr('nl'):>8.3f}{r.ndcg('nl'):>9.3f}{r.mrr('en'):>8.3f}{r.ndcg('en'):>9.3f}"
            f"{r.hit3('en'):>9.3f}{r.dutch_hit3:>13.3f}"
        )
    if not reports:
        return "\n".join(lines)
    first = reports[0]
    lines.append(f"{len(first.part('nl'))} Dutch and {len(first.part('en'))} English answerable queries")
    header = (
        f"{'backend':<14}{'mode':<9}{'part':<8}{'MRR@10':>8}{'nDCG@10':>9}{'hit@10':>8}"
        f"{'answerable found nothing':>26}{'unanswerable found nothing':>28}"
    )
    lines += ["", header, "-" * len(header)]
    for r in reports:
        for name, part in zip(("all", "half A", "half B"), (r, *r.halves()), strict=True):
            lines.append(
                f"{r.backend:<14}{r.mode:<9}{name:<8}{part.mrr():>8.3f}{part.ndcg():>9.3f}{part.hit10():>8.3f}"
                f"{part.found_nothing():>26.3f}{part.no_answer():>28.3f}"
            )
    lines.append(f"{len(first.unanswerable())} unanswerable queries ({len(first.unanswerable('nl'))} Dutch, "
                 f"{len(first.unanswerable('en'))} English); halves: alternate queries of the set")
    return "\n".join(lines)
