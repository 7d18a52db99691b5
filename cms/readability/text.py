"""Cutting a text into sentences and words, with their places in the text.

Every measure here (ours and the LIX comparison) counts sentences and words the same way,
so differences between them come from what they weigh, not from how they cut. Offsets are
kept so the admin can point at a sentence in the preview.

Dutch official writing is full of abbreviations with full stops ("t.a.v.", "o.a.", "nr.",
"art."): a full stop after one of them ends a sentence only when a capital follows and the
abbreviation is one that can close a sentence ("enz.", "etc."). A line break always ends a
sentence: headings, list items and table cells have no full stop but are not one sentence
with what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

# Letters of the three languages (and the rest of Latin-1/Latin Extended-A), digits, and the
# joiners that keep "e-mail", "d'r", "aujourd'hui" one word.
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[0-9A-Za-zÀ-ÖØ-öø-ɏ]+(?:['’\-][0-9A-Za-zÀ-ÖØ-öø-ɏ]+)*")
LETTER_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
# A full stop, question or exclamation mark (or an ellipsis), any closing quotes or brackets,
# then white space: a possible sentence end.
END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
TAG_RE = re.compile(r"<[^>]+>")
TEMPLATE_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)

ABBREVIATIONS = {
    "nl": {
        "bv", "bijv", "vb", "enz", "etc", "nr", "nrs", "art", "dhr", "mevr", "mr", "dr", "ir", "blz", "ca", "incl",
        "excl", "tel", "zgn", "resp", "st", "max", "min", "jan", "feb", "aug", "sept", "okt", "nov", "dec", "evt",
        "ong", "vnl", "vlg", "bijl", "ref", "afd", "adv", "pag", "cfr", "vs",
    },
    "en": {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "nos", "st", "vs", "approx", "incl", "jan", "feb",
           "aug", "sept", "oct", "nov", "dec", "tel", "ref"},
    "fr": {"m", "mme", "mlle", "dr", "p", "etc", "cf", "env", "n", "no", "tél", "réf", "av", "bd", "ex", "art",
           "janv", "févr", "sept", "oct", "nov", "déc"},
}
# Abbreviations a sentence may end with (then a capital starts the next one).
FINAL_ABBREVIATIONS = {"enz", "etc"}
# "t.a.v.", "o.a.", "d.w.z.", "i.p.v.", "e.g.": letters each followed by a full stop.
DOTTED_RE = re.compile(r"(?:\b[^\W\d_]{1,2}\.){2,}$")


@dataclass(frozen=True)
class Span:
    text: str
    start: int  # offset in the cleaned text
    end: int


def plain_text(text: str) -> str:
    """`text` without HTML tags, entities or Django template tags; paragraphs stay on their own lines."""
    text = TEMPLATE_TAG_RE.sub(" ", text)
    text = re.sub(r"(?i)<\s*(br|/p|/li|/h[1-6]|/div|/tr|/dd|/dt)\b[^>]*>", "\n", text)
    text = unescape(TAG_RE.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _ends_here(line: str, match: re.Match, abbreviations: set[str]) -> bool:
    """Whether the end mark in `match` closes a sentence, judged by the word before and the text after."""
    following = line[match.end():].lstrip()
    if not following:
        return True
    first = following[0]
    mark = match.group(0)
    if not mark.startswith("."):
        return True  # ? ! … end a sentence whatever follows
    before = line[: match.start()]
    word = re.search(r"(\S+)$", before)
    previous = (word.group(1) if word else "").lower().lstrip("(\"'“‘")
    abbreviated = previous in abbreviations or bool(DOTTED_RE.search(previous + "."))
    if first.islower() or (first.isdigit() and abbreviated):
        return False
    if abbreviated:
        return first.isupper() and previous in FINAL_ABBREVIATIONS
    return True


def sentences(text: str, language: str = "nl") -> list[Span]:
    """The sentences of `text` (already plain text: see `plain_text`), with offsets."""
    abbreviations = ABBREVIATIONS.get(language, ABBREVIATIONS["nl"])
    found: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in END_RE.finditer(line):
            if _ends_here(line, match, abbreviations):
                _add(found, line, start, match.end(), offset)
                start = match.end()
        _add(found, line, start, len(line), offset)
        offset += len(line) + 1
    return found


def _add(found: list[Span], line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped and LETTER_RE.search(stripped):
        lead = len(piece) - len(piece.lstrip())
        found.append(Span(stripped, offset + start + lead, offset + start + lead + len(stripped)))


def words(text: str) -> list[str]:
    """The words of `text` in order, numbers included (a reader reads them too)."""
    return WORD_RE.findall(text)


def has_letters(word: str) -> bool:
    return bool(LETTER_RE.search(word))
