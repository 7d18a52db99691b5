"""The extracted PDF text as lines that remember the layout clues the extraction left.

The extraction puts a blank line after every text line; larger runs of blank lines mark
a paragraph or block break, a line that follows the previous one directly (no blank
line) is the wrapped second line of a heading or the first line of a new page (those are
indented by one space). Later stages decide with these clues, so they are kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceLine:
    lineno: int  # 1-based line number in the file, for error messages and debugging
    text: str  # stripped, runs of whitespace collapsed to one space
    gap: int  # blank lines between this line and the previous text line
    page_start: bool  # first line of a page (indented and directly after the previous page)

    def with_text(self, text: str) -> SourceLine:
        return replace(self, text=text)


def read_lines(text: str) -> list[SourceLine]:
    """Non-blank lines of `text`, each with the gap before it and whether it opens a page."""
    lines: list[SourceLine] = []
    gap = 0
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            gap += 1
            continue
        page_start = not lines or (gap == 0 and raw[:1].isspace())
        lines.append(SourceLine(lineno, _SPACES.sub(" ", raw).strip(), gap, page_start))
        gap = 0
    return lines
