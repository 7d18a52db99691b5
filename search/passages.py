"""Split a page's text into passages of about 120 words, the unit we embed and quote.

Why passages: the embedding model reads 512 tokens at most and a long page averages its
topics into mush; one vector per ~120 words keeps each paragraph findable, and the best
passage doubles as the snippet a citizen sees. We cut at paragraph ends first, then at
sentence ends, and only cut mid-sentence when a sentence alone is far too long.
"""

from __future__ import annotations

import re

TARGET_WORDS = 120
MAX_WORDS = 160
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+")


def _word_count(text: str) -> int:
    return len(text.split())


def _pieces(paragraph: str) -> list[str]:
    """A paragraph as pieces of at most MAX_WORDS words, cut at sentence ends when possible."""
    if _word_count(paragraph) <= MAX_WORDS:
        return [paragraph]
    pieces: list[str] = []
    for sentence in SENTENCE_END_RE.split(paragraph):
        tokens = sentence.split()
        while len(tokens) > MAX_WORDS:
            pieces.append(" ".join(tokens[:TARGET_WORDS]))
            tokens = tokens[TARGET_WORDS:]
        if tokens:
            pieces.append(" ".join(tokens))
    return pieces


def split_passages(paragraphs: list[str] | tuple[str, ...]) -> list[str]:
    """Group paragraphs into passages of about TARGET_WORDS words, never above MAX_WORDS."""
    passages: list[str] = []
    current: list[str] = []
    current_words = 0
    for paragraph in paragraphs:
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        for piece in _pieces(paragraph):
            count = _word_count(piece)
            if current and current_words + count > MAX_WORDS:
                passages.append(" ".join(current))
                current, current_words = [], 0
            current.append(piece)
            current_words += count
            if current_words >= TARGET_WORDS:
                passages.append(" ".join(current))
                current, current_words = [], 0
    if current:
        passages.append(" ".join(current))
    return passages
