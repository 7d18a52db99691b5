"""The glossary ("ambtelijk -> gewoon"): finding official words in a text, with a plainer word.

A term is one word ("indien") or a phrase ("in het kader van"); the longest term wins where
terms overlap ("teneinde te" over "teneinde"). A one-word term of five letters or more also
finds its inflections ("verplichte", "reglementen", "verstrekte"): Dutch adds an ending,
the editor should not have to list every form.

The terms the scorer uses are the editable snippet's (`GlossaryEntry`, cms/readability/
models.py), read once per process and read again when an editor changes one (a version
stamp in the shared cache says so, so every web worker sees the change). The seed list
(`data/glossary.tsv`) fills the snippet on migration and is what the evaluation measures
with, so the measured accuracy does not depend on what editors have added since.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cms.readability.text import words

SEED_PATH = Path(__file__).parent / "data" / "glossary.tsv"
INFLECTIONS = ("e", "en", "s", "t", "d", "de", "te", "n")
MIN_INFLECTED = 5


@dataclass(frozen=True)
class Term:
    official: str
    plain: str
    language: str = "nl"
    note: str = ""


@dataclass(frozen=True)
class Match:
    start: int  # index of the first word
    end: int  # index after the last word
    term: Term


class Glossary:
    """Terms indexed by their first word, per language."""

    def __init__(self, terms: list[Term] | tuple[Term, ...]):
        self.terms = tuple(terms)
        # (language, first word) -> [(words, inflected?, term)], longest first, exact before inflected.
        self._index: dict[tuple[str, str], list[tuple[tuple[str, ...], bool, Term]]] = {}
        for term in self.terms:
            tokens = tuple(word.lower() for word in words(term.official))
            if not tokens:
                continue
            self._index.setdefault((term.language, tokens[0]), []).append((tokens, False, term))
            if len(tokens) == 1 and len(tokens[0]) >= MIN_INFLECTED:
                for ending in INFLECTIONS:
                    inflected = tokens[0] + ending
                    self._index.setdefault((term.language, inflected), []).append(((inflected,), True, term))
        for candidates in self._index.values():
            candidates.sort(key=lambda candidate: (-len(candidate[0]), candidate[1]))

    def __len__(self) -> int:
        return len(self.terms)

    def has_language(self, language: str) -> bool:
        return any(term.language == language for term in self.terms)

    def find(self, sentence_words: list[str], language: str) -> list[Match]:
        """Non-overlapping matches in `sentence_words`, left to right, longest first at each place."""
        lowered = [word.lower() for word in sentence_words]
        found: list[Match] = []
        index = 0
        while index < len(lowered):
            match = None
            for tokens, _inflected, term in self._index.get((language, lowered[index]), ()):
                if tuple(lowered[index : index + len(tokens)]) == tokens:
                    match = Match(index, index + len(tokens), term)
                    break
            if match:
                found.append(match)
                index = match.end
            else:
                index += 1
        return found


def parse_seed(lines) -> list[Term]:
    """Terms from the seed file's lines: `language<TAB>official<TAB>plain<TAB>note`, `#` for comments."""
    terms = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        language, official, plain, *rest = line.rstrip("\n").split("\t")
        terms.append(Term(official=official.strip(), plain=plain.strip(), language=language.strip(), note=(rest or [""])[0].strip()))
    return terms


@lru_cache(maxsize=1)
def seed_glossary() -> Glossary:
    """The glossary as shipped (data/glossary.tsv)."""
    with SEED_PATH.open(encoding="utf-8") as seed:
        return Glossary(parse_seed(seed))
