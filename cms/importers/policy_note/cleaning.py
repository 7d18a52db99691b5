"""Page furniture out: running footers, bare link lines and footnotes.

What is left is the note's own text, line by line, still with its layout clues; turning
lines into paragraphs is `reflow`'s job, finding headings is `outline`'s.
"""

from __future__ import annotations

import re

from .footnotes import Footnote, remove_footnotes
from .source import SourceLine

# "Communicatie en merkbeleid I 30 maart 2021 I 9": title, date and page number between
# the capital-I separators the layout uses.
_FOOTER = re.compile(r"^\S.{0,80} I \d{1,2} [^\W\d_]+ \d{4} I \d{1,3}$")
# A line that is only a URL is the target of a link annotation the extraction appended at
# the page bottom (the URL is in the text already, or in a footnote).
_LINK_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")


def is_footer(text: str) -> bool:
    return _FOOTER.match(text) is not None


def strip_page_furniture(lines: list[SourceLine]) -> tuple[list[SourceLine], list[Footnote]]:
    """The note's text lines without footers, link lines and footnotes (returned apart)."""
    kept: list[SourceLine] = []
    after_footer = False
    for line in lines:
        if is_footer(line.text):
            after_footer = True
            continue
        if _LINK_ONLY.match(line.text):
            continue
        if after_footer:  # the footer closed the page: this line opens the next one
            line = SourceLine(line.lineno, line.text, line.gap, page_start=True)
            after_footer = False
        kept.append(line)
    return remove_footnotes(kept)
