"""A morning of citizen searches on the demo site, so the report "Zoekvragen" has figures to show.

A fresh demo has had no visitors, and an empty report teaches an editor nothing. This asks
the questions of the labelled search evaluation set (search/evaluation_set/, written in
citizens' own words, Dutch and English) and a few questions the demo site has no page for,
through the public search API exactly as the citizen site asks them; where a page the set
judges a good answer is among the first ten results, it opens that result through the
answer's own signed click link, as a citizen who found it would. So every figure in the
report comes from the real search, recording and click paths: the counts, "nothing found"
and "found but never opened" are what the search on this demo actually answers.

It runs once: when the search log already holds searches, it asks nothing (the report
would count the same morning twice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.test import Client

from search.evaluation import LabelledQuery, load_queries, page_key
from search.querylog.models import SearchDay, SearchEvent

SEARCH_URL = "/api/search/"
OPEN_WITHIN = 10  # a citizen scans the first page of results, no further
GOOD_ANSWER = 2  # the set's grade from which a result answers the question

# Questions Ghent's citizens ask that the demo site has no page about.
UNANSWERED = (
    ("hondenbelasting betalen", "nl"),
    ("openingsuren zwembad", "nl"),
    ("trouwen in het stadhuis", "nl"),
    ("premie zonnepanelen", "nl"),
    ("dog licence ghent", "en"),
)


@dataclass(frozen=True)
class DemoSearches:
    searches: int
    opened: int
    nothing_found: int
    skipped: bool = False


def _question(text: str, language: str) -> LabelledQuery:
    return LabelledQuery(f"demo-{text}", text, language, {}, "unanswered")


def demo_questions() -> list[LabelledQuery]:
    return load_queries() + [_question(text, language) for text, language in UNANSWERED]


def _good_answer(items: list[dict], question: LabelledQuery) -> str | None:
    """The click link of the first result within reach that answers the question, if any."""
    for item in items[:OPEN_WITHIN]:
        if question.relevant.get(page_key(item["url"]), 0) >= GOOD_ANSWER and item.get("click"):
            return item["click"]
    return None


def demo_searches_replay(
    *,
    questions: list[LabelledQuery] | None = None,
    client: Client | None = None,
    step: Callable[[], object] = lambda: None,
) -> DemoSearches:
    """Ask every question (default: the demo's) once through the search API; `step` is called after each."""
    if SearchEvent.objects.exists() or SearchDay.objects.exists():
        return DemoSearches(searches=0, opened=0, nothing_found=0, skipped=True)
    client = client or Client(HTTP_HOST="localhost")
    searches = opened = nothing_found = 0
    for question in demo_questions() if questions is None else questions:
        response = client.get(SEARCH_URL, {"q": question.text, "lang": question.language})
        if response.status_code != 200:
            raise RuntimeError(f"the search API answered {response.status_code} to {question.text!r}")
        answer = response.json()
        searches += 1
        nothing_found += answer["items_total"] == 0
        link = _good_answer(answer["items"], question)
        if link:
            parts = urlsplit(link)
            if client.get(f"{parts.path}?{parts.query}").status_code == 302:
                opened += 1
        step()
    return DemoSearches(searches=searches, opened=opened, nothing_found=nothing_found)
