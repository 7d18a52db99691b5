"""Text analysis shared by every backend: tokenise, lowercase, stem, fold accents.

Why in Python: the Elasticsearch test distribution has no analysis-common module (no
`dutch` analyzer, no stemmer filter), and the local backend has no analyzer at all. Doing
the analysis once, here, means both backends index and query the very same terms, so they
agree on what matches. Elasticsearch then only needs its built-in `whitespace` analyzer.

Order matters: the Snowball stemmers for French and Dutch read accents (é, ë), so we stem
the lowercased word first and fold accents off the stem afterwards. A citizen who types
"ecole" or "geinteresseerd" still meets "école" and "geïnteresseerd".
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from .stopwords import STOPWORDS

#: Letters and digits; apostrophes and hyphens split words ("l'école", "Sint-Amandsberg").
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

STEMMER_NAMES = {"nl": "dutch", "en": "english", "fr": "french"}
DEFAULT_LANGUAGE = "nl"


def fold(text: str) -> str:
    """Lowercase and strip accents: "Ĳzer Élève" -> "ijzer eleve"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of `text`, lowercased, accents kept (for stemming and highlighting)."""
    return WORD_RE.findall(unicodedata.normalize("NFKC", text).lower())


_per_thread = threading.local()


def _stemmer(language: str):
    """This thread's stemmer for `language`: a snowball stemmer keeps the word it works on in
    itself, so one shared by the threads of a web worker mixes their words up (IndexError)."""
    stemmers = getattr(_per_thread, "stemmers", None)
    if stemmers is None:
        stemmers = _per_thread.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMER_NAMES.get(language, STEMMER_NAMES[DEFAULT_LANGUAGE]))
    return stemmers[language]


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """The folded stem of one lowercased word in `language` (nl, en or fr)."""
    return fold(_stemmer(language).stemWord(word))


def is_stopword(word: str, language: str) -> bool:
    return fold(word) in STOPWORDS.get(language, frozenset())


def analyze(text: str, language: str) -> list[str]:
    """Index terms of `text`: words minus stop words, stemmed and folded, in order."""
    return [stem(word, language) for word in words(text) if not is_stopword(word, language)]


def analyze_query(text: str, language: str, variant_languages: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Query term groups: one group per query word, holding its stems in each candidate language.

    Pages are stemmed in their own language, but a query may be meant for pages in any
    language we publish. A word therefore matches if any of its stems does; the backends
    score each group by its best variant (a dis_max), so a word with three stems weighs no
    more than a word with one. Stop words are those of the language the query is written in.
    """
    groups: list[tuple[str, ...]] = []
    for word in words(text):
        if is_stopword(word, language):
            continue
        variants = [stem(word, language)]
        for other in variant_languages:
            candidate = stem(word, other)
            if candidate not in variants:
                variants.append(candidate)
        groups.append(tuple(variants))
    return groups


def suggest_words(title: str) -> list[str]:
    """Folded, unstemmed title words: what a prefix typed in a search box is compared with."""
    return [fold(word) for word in words(title)]
