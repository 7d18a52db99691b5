"""LIX as Wagtail 8's Checks panel computes it, so we compare against exactly what editors see today.

Wagtail's `getReadabilityScore` (wagtail/admin/static_src/wagtailadmin/app/..., compiled
into core.js) takes the preview's text and uses the browser's `Intl.Segmenter`:
sentences are the sentence segments, words the word-like segments, long words those of
more than six characters; it answers 0 when there are no sentences or fewer than ten words,
and otherwise `words / sentences + long words / words * 100`. Below 35 it says "Good",
below 45 "Fair", else "Complex".

The browser's segmenter (ICU) is not available in Python; its rules are what
`cms.readability.text` follows (a break after a full stop, question or exclamation mark and
space unless lower case follows; a line break ends a sentence). Words are cut as ICU cuts
them: a hyphen separates ("e-mail" is two words), an apostrophe between letters and a
decimal point between digits do not.
"""

from __future__ import annotations

import re

from cms.readability.text import plain_text, sentences

LIX_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
LONG_WORD = 6  # characters: longer is "long"
MIN_WORDS = 10


def lix(text: str, language: str = "nl") -> float:
    cleaned = plain_text(text)
    sentence_count = len(sentences(cleaned, language))
    found = LIX_WORD_RE.findall(cleaned)
    if sentence_count == 0 or len(found) < MIN_WORDS:
        return 0.0
    long_words = sum(1 for word in found if len(word) > LONG_WORD)
    return len(found) / sentence_count + long_words / len(found) * 100


def lix_label(score: float) -> str:
    """Wagtail's words for the score."""
    return "Good" if score < 35 else "Fair" if score < 45 else "Complex"
