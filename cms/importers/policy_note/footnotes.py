"""Footnotes: drop their text from the page bottoms and their markers from the sentences.

Footnotes are numbered 1, 2, 3, ... through the whole note, so the next footnote can only
be the number after the last one; that is what tells "16 Veel maatschappelijke ..." (a
footnote) from "120 (communicatie)medewerkers ..." (a sentence that wraps onto a number).
A footnote runs to the end of its page (the next page-opening line, see `source`); its marker is the same number, set in superscript,
which the extraction glued to the word before it ("leader1") or left loose ("promoten. 19").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import SourceLine

_FOOTNOTE_START = re.compile(r"^(?P<number>\d{1,3}) (?P<text>\S.*)$")
# A footnote starts a block of its own: after a run of blank lines, or right after the
# previous footnote. Its own lines follow each other closely; a wider gap means the page
# (and the footnote) ended without the extraction marking the next page.
_MIN_GAP_BEFORE_FOOTNOTE = 2
_MAX_GAP_INSIDE_FOOTNOTE = 2
# Characters a superscript marker follows directly: a letter, or closing punctuation
# that is not part of a number ("druk.10" is a marker, the 1 in "3.1. Inleiding" is not).
_GLUED_BEFORE = r"(?<=[^\W\d_]|[).,;:!?’”'\]])(?<!\d[.,])"
_MARKER_END = r"(?=$|[\s.,;:!?…)\]’”'])"


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    marker_found: bool


def remove_footnotes(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Footnote]]:
    """The lines without footnote text and markers, and the footnotes that were removed."""
    body: list[SourceLine] = []
    footnotes: list[Footnote] = []
    expected = 1
    in_footnote: list[str] | None = None  # text of the footnote being read
    found = False
    # Where the next marker may be: (index in body, character offset). A marker comes
    # after the previous one, and on the page its footnote ends.
    cursor = (0, 0)

    def close_footnote() -> None:
        if in_footnote is not None:
            footnotes.append(Footnote(expected - 1, " ".join(in_footnote), found))

    for line in lines:
        start = _FOOTNOTE_START.match(line.text)
        is_next_footnote = (
            start is not None
            and int(start["number"]) == expected
            and (in_footnote is not None or line.gap >= _MIN_GAP_BEFORE_FOOTNOTE)
        )
        if is_next_footnote:
            close_footnote()
            in_footnote = [start["text"]]
            found, cursor = _remove_marker(body, expected, cursor)
            expected += 1
            continue
        if in_footnote is not None:
            if not line.page_start and line.gap <= _MAX_GAP_INSIDE_FOOTNOTE:
                in_footnote.append(line.text)
                continue
            close_footnote()
            in_footnote = None
            cursor = (len(body), 0)
        body.append(line)
    close_footnote()
    return body, footnotes


def _remove_marker(body: list[SourceLine], number: int, cursor: tuple[int, int]) -> tuple[bool, tuple[int, int]]:
    """Remove footnote `number`'s marker from `body` at or after `cursor`, in place.

    A marker glued to a word is preferred over a loose number anywhere in the window:
    "hoofdstad 2030 zijn 3 ambities ... brand filter workshops3" has footnote 3 on the
    workshops, and the 3 ambitions stay.
    """
    glued = re.compile(_GLUED_BEFORE + str(number) + _MARKER_END)
    loose = re.compile(r"(?<=\s)" + str(number) + _MARKER_END)
    for pattern in (glued, loose):
        for index in range(cursor[0], len(body)):
            text = body[index].text
            offset = cursor[1] if index == cursor[0] else 0
            match = pattern.search(text, offset)
            if match:
                cleaned = _tidy(text[: match.start()] + text[match.end() :])
                body[index] = body[index].with_text(cleaned)
                return True, (index, match.start())
    return False, cursor


def _tidy(text: str) -> str:
    """Close the space a removed marker leaves before punctuation ("Naties30 ." -> "Naties.")."""
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()
