"""The policy note's text in, its sections out: cleaning, outline, re-flow, in that order."""

from __future__ import annotations

from .cleaning import strip_page_furniture
from .errors import NoSectionsFound
from .outline import HEADING_MAX_CHARS, find_headings
from .reflow import hyphenated_words, reflow
from .sections import FOREWORD_HEADING, Section
from .source import SourceLine, read_lines


def parse_policy_note(text: str) -> list[Section]:
    """The foreword (if any) and the numbered chapters, each with its subsections."""
    lines, _footnotes = strip_page_furniture(read_lines(text))
    headings = find_headings(lines)
    if not headings:
        raise NoSectionsFound()
    hyphenated = hyphenated_words(lines)

    sections: list[Section] = []
    foreword = _foreword(lines[: headings[0].start], hyphenated)
    if foreword is not None:
        sections.append(foreword)
    for position, heading in enumerate(headings):
        body_end = headings[position + 1].start if position + 1 < len(headings) else len(lines)
        section = Section(heading.number, heading.text, reflow(lines[heading.end : body_end], hyphenated))
        if heading.sub is None:
            sections.append(section)
        else:
            sections[-1].children.append(section)
    return sections


def _foreword(lines: list[SourceLine], hyphenated: frozenset[str]) -> Section | None:
    """The text before chapter 1, under its own short title line if it has one."""
    if not lines:
        return None
    first = lines[0].text
    if len(first) <= HEADING_MAX_CHARS // 2 and first[:1].isupper() and not first.endswith("."):
        return Section(None, first, reflow(lines[1:], hyphenated))
    return Section(None, FOREWORD_HEADING, reflow(lines, hyphenated))
