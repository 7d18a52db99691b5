"""What we know of a single word: how common it is, whether it is a compound of common words,
and how many syllables it has.

Ghent reads Flemish: a short list of words every Flemish reader knows but that are rare in
wordfreq's mostly Netherlands Dutch ("ophaling", "recyclagepark") counts as common
(`data/flemish.txt`).

Frequencies are `wordfreq`'s (Zipf scale: 6 is "de", 3 is once in a million words), loaded
once per language as a dictionary so a 1,500-word page costs dictionary look-ups, not
tokeniser calls. Dutch writes compounds as one word, so "afvalophaling" is rare as a
string although every reader knows "afval" and "ophaling": a word below the rare line is
split into known parts (with the linking "s", "e" or "en" of "stadsbestuur",
"huizenrij") before it is called rare. Syllables come from the language's hyphenation
dictionary (`pyphen`, the one LibreOffice uses), as textstat counts them for Dutch.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pyphen
import wordfreq

# A word under this Zipf frequency (fewer than one in a million words) is rare, unless it
# is a compound of parts each at or above PART_ZIPF. Chosen from wordfreq's scale (3 is
# "once per million words"), not fitted on our evaluation pairs.
RARE_ZIPF = 3.0
PART_ZIPF = 2.5
MIN_PART = 3
# A three-letter part must be a common word ("zak", "bus", "weg"): wordfreq also lists
# fragments and loans ("ive", "vig") that would split a rare word into nonsense.
SHORT_PART, SHORT_PART_ZIPF = 3, 3.5
LINKS = ("s", "en", "e", "er")  # tussenklanken: stad-s-bestuur, huiz-en-rij, kind-er-opvang
HYPHENATION = {"nl": "nl_NL", "en": "en_US", "fr": "fr_FR"}
COMPOUNDING = {"nl"}  # languages that write compounds as one word


FLEMISH_PATH = Path(__file__).parent / "data" / "flemish.txt"
COMMON_FREQUENCY = 1e-5  # Zipf 4: a word everyone knows


@lru_cache(maxsize=None)
def _frequencies(language: str) -> dict[str, float]:
    frequencies = wordfreq.get_frequency_dict(language, wordlist="best")
    if language == "nl":  # wordfreq's Dutch is mostly the Netherlands'; Ghent reads Flemish
        frequencies = dict(frequencies)
        for line in FLEMISH_PATH.read_text(encoding="utf-8").splitlines():
            word = line.strip().lower()
            if word and not word.startswith("#"):
                frequencies[word] = max(frequencies.get(word, 0.0), COMMON_FREQUENCY)
    return frequencies


@lru_cache(maxsize=None)
def _hyphenator(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=HYPHENATION.get(language, "nl_NL"))


def zipf(word: str, language: str) -> float:
    """The word's Zipf frequency (0 when unknown); lower-cased, as wordfreq stores words."""
    frequency = _frequencies(language).get(word.lower(), 0.0)
    return round(math.log10(frequency * 1e9), 2) if frequency else 0.0


@lru_cache(maxsize=200_000)
def compound_parts(word: str, language: str = "nl", depth: int = 2) -> tuple[str, ...] | None:
    """`word` as known parts ("afval", "ophaling"), longest last part first; None when it is no
    compound of known words. Up to three parts (`depth` splits)."""
    word = word.lower()
    if language not in COMPOUNDING or depth <= 0 or len(word) < 2 * MIN_PART:
        return None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, modifier = word[cut:], word[:cut]
        if not _known_part(head, language):
            continue
        for link in ("", *LINKS):
            if link and not modifier.endswith(link):
                continue
            stem = modifier[: len(modifier) - len(link)] if link else modifier
            if len(stem) < MIN_PART:
                continue
            if _known_part(stem, language):
                return (stem, head)
            inner = compound_parts(stem, language, depth - 1)
            if inner:
                return (*inner, head)
    return None


def _known_part(part: str, language: str) -> bool:
    return zipf(part, language) >= (SHORT_PART_ZIPF if len(part) <= SHORT_PART else PART_ZIPF)


@lru_cache(maxsize=200_000)
def is_rare(word: str, language: str) -> bool:
    """A word most readers seldom meet: rare in wordfreq and not a compound of common parts.

    Hyphenated words ("e-mail", "Sint-Pieters") are rare when one of their parts is.
    """
    word = word.lower()
    if "-" in word:
        return any(is_rare(part, language) for part in word.split("-") if len(part) > 1)
    if zipf(word, language) >= RARE_ZIPF:
        return False
    return compound_parts(word, language) is None


@lru_cache(maxsize=200_000)
def syllables(word: str, language: str) -> int:
    """Syllables of `word` by the language's hyphenation patterns (at least one)."""
    return len(_hyphenator(language).positions(word.lower())) + 1
