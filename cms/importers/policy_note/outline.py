"""Which numbered lines are the note's chapters and subsections, and which are not.

Numbered lines are everywhere in the note: the chapters ("4. Open, nabije communicatie
..."), their subsections ("4.6. Crisiscommunicatie en reputatiemanagement"), but also the
numbered lists inside a section ("1. We rollen stapsgewijs ...") and the numbered
paragraphs of the two summaries ("1. Gent als voortrekker en inspirator"). Two rules tell
them apart, both taken from how the note is built:

* shape: a heading is set large, so its first line is short, starts with a capital and
  does not end a sentence; a list item runs the full width of the page;
* sequence: chapters follow each other 1, 2, 3, ... and a subsection n.m comes inside
  chapter n, right after n.(m-1). A list item "3." inside chapter 2 could look like a
  chapter, but the summary's "1." after chapter 10 cannot be chapter 1 again.

A heading that wraps continues on a short line starting in lower case ("4. Open, nabije
communicatie schept inzicht" / "en vertrouwen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import SourceLine

_NUMBERED = re.compile(r"^(?P<chapter>\d{1,2})\.(?:(?P<sub>\d{1,2})\.?)?\s+(?P<title>\S.*)$")
# The longest heading line in the note is 59 characters, a body line is 80-100.
HEADING_MAX_CHARS = 72
CONTINUATION_MAX_CHARS = 50
_MAX_CONTINUATION_LINES = 2
_SENTENCE_END = (".", ";", ":", "!", "?")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")  # a table of contents entry, not a heading
_LIST_START = re.compile(r"^(?:\d{1,2}\.\s|[—–•>-]\s)")


@dataclass(frozen=True)
class Heading:
    chapter: int
    sub: int | None
    text: str  # the full heading without its number, wrapped lines joined
    start: int  # index of its first line in the lines it was found in
    end: int  # index after its last line

    @property
    def number(self) -> str:
        return f"{self.chapter}.{self.sub}" if self.sub is not None else str(self.chapter)


def find_headings(lines: list[SourceLine]) -> list[Heading]:
    """The chapter and subsection headings among `lines`, in order."""
    headings: list[Heading] = []
    chapter, sub = 0, 0
    index = 0
    while index < len(lines):
        match = _NUMBERED.match(lines[index].text)
        if match is None or not _looks_like_heading(lines[index].text, match["title"]):
            index += 1
            continue
        number_chapter = int(match["chapter"])
        number_sub = int(match["sub"]) if match["sub"] else None
        if number_sub is None:
            accepted = number_chapter == chapter + 1
        else:
            accepted = number_chapter == chapter and number_sub == sub + 1
        if not accepted:
            index += 1
            continue
        end = _continuation_end(lines, index + 1)
        text = " ".join([match["title"], *(line.text for line in lines[index + 1 : end])])
        headings.append(Heading(number_chapter, number_sub, text, index, end))
        chapter, sub = number_chapter, (number_sub or 0)
        index = end
    return headings


def _looks_like_heading(line: str, title: str) -> bool:
    return (
        len(line) <= HEADING_MAX_CHARS
        and title[:1].isupper()
        and not line.endswith(_SENTENCE_END)
        and _DOT_LEADER.search(line) is None
    )


def _continuation_end(lines: list[SourceLine], index: int) -> int:
    """Index after the wrapped continuation lines of a heading that starts before `index`."""
    end = index
    while end < len(lines) and end - index < _MAX_CONTINUATION_LINES:
        text = lines[end].text
        continues = (
            text[:1].islower()
            and len(text) <= CONTINUATION_MAX_CHARS
            and not text.endswith(_SENTENCE_END)
            and _LIST_START.match(text) is None
        )
        if not continues:
            break
        end += 1
    return end
