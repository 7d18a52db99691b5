"""A cloze test made from a draft: leave out every n-th content word, score the share filled in right.

Dutch readability research calibrates its formulas against cloze scores (Staphorsius,
Douma): readers who understand a text can restore its missing words. So a pretest asks
citizens to fill in the gaps of the draft itself and reports the share they got right.

The rules, kept simple so an editor can explain them:
- the first sentence stays whole, to give the reader a start;
- after it, every `every`-th content word (5 by default) becomes a gap; function words
  ("de", "en", "van": the Snowball stop word list the search uses) and numbers are never
  gaps and do not count, so the gaps test words that carry meaning;
- at most `max_gaps` gaps (25): past that, the rest of the text reads whole (a citizen
  fills in a few minutes' worth, not a page's worth);
- an answer is right when it is the left-out word, ignoring case, accents and the
  punctuation around it ("Stad," = "stad", "ideeen" = "ideeën"; "stadje" is not "stad").

Pure: text in, gaps and scores out; nothing here reads the database.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field

from cms.readability.text import WORD_RE, has_letters, plain_text, sentences
from search.stopwords import STOPWORDS

EVERY = 5
MAX_GAPS = 25
PUNCTUATION = string.punctuation + "“”‘’«»„…–—·"


@dataclass(frozen=True)
class Cloze:
    """The text as paragraphs of pieces: {"text": "..."} read as is, {"gap": i} to fill in."""

    paragraphs: list[list[dict]]
    answers: list[str]
    every: int = EVERY

    def public(self) -> dict:
        """What a reader may see: the pieces and the gaps' count, never the answers."""
        return {"every": self.every, "gaps": len(self.answers), "paragraphs": self.paragraphs}

    def as_json(self) -> dict:
        return {"every": self.every, "paragraphs": self.paragraphs, "answers": self.answers}

    @classmethod
    def from_json(cls, data: dict) -> Cloze:
        return cls(paragraphs=data["paragraphs"], answers=list(data["answers"]), every=data.get("every", EVERY))


@dataclass(frozen=True)
class ClozeScore:
    correct: int
    total: int
    right: list[bool] = field(default_factory=list)  # per gap, in order

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _fold(word: str) -> str:
    """Lower case, without accents or the punctuation around it: "Één," -> "een"."""
    decomposed = unicodedata.normalize("NFKD", word.strip().strip(PUNCTUATION).strip())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def is_content_word(word: str, language: str = "nl") -> bool:
    """A word that carries meaning: letters, not only digits, and not a function word of the language."""
    if not has_letters(word) or any(char.isdigit() for char in word):
        return False
    return _fold(word) not in STOPWORDS.get(language, STOPWORDS["nl"]) and len(_fold(word)) > 1


def cloze_build(text: str, *, every: int = EVERY, language: str = "nl", max_gaps: int = MAX_GAPS) -> Cloze:
    """The cloze test of `text` (HTML or plain): the first sentence whole, then every `every`-th content word a gap."""
    if every < 2:
        raise ValueError("every must be at least 2: a text of gaps only tests nothing")
    plain = plain_text(text)
    found = sentences(plain, language)
    first_end = found[0].end if found else 0
    paragraphs: list[list[dict]] = []
    answers: list[str] = []
    counted = 0
    offset = 0
    for line in plain.split("\n"):
        pieces: list[dict] = []
        kept = 0  # where the text not yet put in a piece starts, within the line
        for match in WORD_RE.finditer(line):
            if offset + match.start() < first_end or len(answers) >= max_gaps:
                continue
            if not is_content_word(match.group(0), language):
                continue
            counted += 1
            if counted % every:
                continue
            if match.start() > kept:
                pieces.append({"text": line[kept : match.start()]})
            pieces.append({"gap": len(answers)})
            answers.append(match.group(0))
            kept = match.end()
        if kept < len(line):
            pieces.append({"text": line[kept:]})
        if pieces:
            paragraphs.append(pieces)
        offset += len(line) + 1
    return Cloze(paragraphs=paragraphs, answers=answers, every=every)


def cloze_score(*, cloze: Cloze, given: list[str]) -> ClozeScore:
    """How many gaps `given` (one string per gap, in order; missing ones count as wrong) fills in right."""
    right = []
    for position, answer in enumerate(cloze.answers):
        filled = given[position] if position < len(given) and isinstance(given[position], str) else ""
        right.append(bool(filled.strip()) and _fold(filled) == _fold(answer))
    return ClozeScore(correct=sum(right), total=len(cloze.answers), right=right)
