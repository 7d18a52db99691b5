"""Readability benchmark (issue 14): our scorer against Wagtail's LIX, on the same texts, in one run.

* One page of 1,500 words (the labelled pairs' texts, plain and official, one after the
  other): milliseconds per score, ours and LIX, warm (after one score, as in the editor,
  where the live check scores the same draft again and again), and the first score in a
  fresh process (loading the word list and the hyphenation patterns).
* A site of 1,000 pages of 150 to 450 words each (the same texts, cut differently per
  page): seconds for all, ours and LIX (what `readability_rescore` spends scoring).

Target: under 50 ms for a 1,500-word page on these cores, so the live check never makes
typing feel slow (printed, not asserted: absolute times on shared machines are noise; the
ratio to LIX is what we track). BENCH_READABILITY_ROUNDS (default 20): timed page scores.
"""

from __future__ import annotations

import os
import statistics
import time

from cms.readability import lexicon
from cms.readability.evaluation import load_pairs
from cms.readability.glossary import seed_glossary
from cms.readability.lix import lix
from cms.readability.scoring import score_text
from cms.readability.text import words

ROUNDS = int(os.environ.get("BENCH_READABILITY_ROUNDS", 20))
PAGE_WORDS = 1500
SITE_PAGES = 1000
TARGET_MS = 50


def report(name: str, value) -> None:
    print(f"{name}={round(value, 3) if isinstance(value, float) else value}", flush=True)


def corpus() -> list[str]:
    return [text for pair in load_pairs() for text in (pair["plain"], pair["official"])]


def page_of(texts: list[str], size: int, start: int = 0) -> str:
    paragraphs, count, index = [], 0, start
    while count < size:
        text = texts[index % len(texts)]
        paragraphs.append(text)
        count += len(words(text))
        index += 1
    return "\n".join(paragraphs)


def timed_ms(function, text: str) -> float:
    times = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        function(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_scoring_speed_against_lix():
    texts = corpus()
    glossary = seed_glossary()
    page = page_of(texts, PAGE_WORDS)
    report("page_words", len(words(page)))

    lexicon._frequencies.cache_clear()
    lexicon.is_rare.cache_clear()
    lexicon.syllables.cache_clear()
    started = time.perf_counter()
    score_text(page, "nl", glossary)
    report("ours_first_page_ms", (time.perf_counter() - started) * 1000)

    ours_ms = timed_ms(lambda text: score_text(text, "nl", glossary), page)
    lix_ms = timed_ms(lix, page)
    report("ours_page_ms", ours_ms)
    report("lix_page_ms", lix_ms)
    report("target_page_ms", TARGET_MS)
    report("ours_page_within_target", ours_ms < TARGET_MS)

    pages = [page_of(texts, 150 + (number * 37) % 300, start=number) for number in range(SITE_PAGES)]
    report("site_pages", len(pages))
    report("site_words", sum(len(words(text)) for text in pages))
    started = time.perf_counter()
    for text in pages:
        score_text(text, "nl", glossary)
    ours_site = time.perf_counter() - started
    started = time.perf_counter()
    for text in pages:
        lix(text)
    lix_site = time.perf_counter() - started
    report("ours_site_s", ours_site)
    report("lix_site_s", lix_site)
    report("site_ratio_ours_to_lix", ours_site / lix_site)
    report("page_ratio_ours_to_lix", ours_ms / lix_ms)
