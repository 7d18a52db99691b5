"""Lines back into paragraphs: where a paragraph ends, and how a word broken over two lines
is joined.

A PDF line ends where the page is full, not where the writer ended a thought. A paragraph
ends after a wider gap, before a list item, after a sentence that stops well short of the
margin, or after a short line when the next one starts with a capital (a label, a caption,
a signature). Everything else is the same paragraph, joined with a space.

A hyphen at the end of a line is either the typesetter's (join: "imago-" + "monitoring")
or the writer's ("strategisch-" + "operationeel", "analyse-" + "en ontwikkel..."). The
writer's hyphen is recognised by Dutch spelling (a vowel clash, "niet-"), by an elided
compound ("analyse- en"), or because the note spells the same word with a hyphen
elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .sections import Block, BlockKind
from .source import SourceLine

PARAGRAPH_GAP = 3  # blank lines that always separate two blocks
FULL_LINE_CHARS = 80  # a line this long ran to the right margin
SHORT_LINE_CHARS = 65  # a line this short ended on purpose
HEADING_MAX_CHARS = 70

_LIST_ITEM = re.compile(r"^(?:\d{1,2}\.\s|[—–•]\s)")
_LABEL = re.compile(r"^>\s+")  # the brand values: "> Verbindend"
_SENTENCE_END = re.compile(r"[.!?:…][’”')]?$")
_NO_HEADING_END = (".", ",", ";", ":", "!", "?", "…")
_HYPHENATED_WORD = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w)\s+([,.;:!?])(?=\s|$)")  # "Vakbekwame , inclusieve"
_ELIDING_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch"})  # "analyse- en ontwikkelmogelijkheden"
_HYPHEN_PREFIXES = frozenset({"niet", "ex", "oud", "vice", "non"})  # "niet-stereotype"
_VOWELS = frozenset("aeiouyáéíóúàèëïöü")


def hyphenated_words(lines: Iterable[SourceLine]) -> frozenset[str]:
    """Every word the note writes with a hyphen inside a line, lower case ("buiten-communicatie")."""
    found: set[str] = set()
    for line in lines:
        found.update(f"{left}-{right}".lower() for left, right in _HYPHENATED_WORD.findall(line.text))
    return frozenset(found)


def reflow(lines: list[SourceLine], hyphenated: frozenset[str] = frozenset()) -> list[Block]:
    """The body blocks (paragraphs and sub-headings) that `lines` make up, in order."""
    groups: list[list[SourceLine]] = []
    for line in lines:
        if groups and not _starts_new_block(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    texts = [_join(group, hyphenated) for group in groups]
    blocks = []
    for position, (group, text) in enumerate(zip(groups, texts, strict=True)):
        following = texts[position + 1] if position + 1 < len(texts) else None
        if len(group) == 1 and _is_heading(text, following):
            blocks.append(Block(BlockKind.HEADING, _LABEL.sub("", text)))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text))
    return blocks


def _starts_new_block(previous: SourceLine, line: SourceLine) -> bool:
    if line.gap >= PARAGRAPH_GAP and not line.page_start:
        return True
    if _LIST_ITEM.match(line.text) or _LABEL.match(line.text) or _LABEL.match(previous.text):
        return True
    if _SENTENCE_END.search(previous.text) and len(previous.text) < FULL_LINE_CHARS:
        return True
    return (
        len(previous.text) < SHORT_LINE_CHARS
        and line.text[:1].isupper()
        and not previous.text.endswith((",", "-", "–"))
    )


def _join(group: list[SourceLine], hyphenated: frozenset[str]) -> str:
    text = group[0].text
    for line in group[1:]:
        text = join_lines(text, line.text, hyphenated)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)


def join_lines(left: str, right: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """`left` and `right` as one line, undoing the typesetter's hyphenation."""
    broken = _BROKEN_WORD.search(left)
    first = _FIRST_WORD.match(right)
    if broken is None or first is None:
        return f"{left} {right}"
    if right[:1].isupper():  # "Oost-" + "Vlaanderen": a name keeps its hyphen
        return f"{left}{right}"
    head, tail = broken.group(1), first.group(1)
    if tail in _ELIDING_CONJUNCTIONS:
        return f"{left} {right}"
    if _writer_hyphen(head, tail, hyphenated):
        return f"{left}{right}"
    return f"{left[:-1]}{right}"


def _writer_hyphen(head: str, tail: str, hyphenated: frozenset[str]) -> bool:
    return (
        f"{head}-{tail}".lower() in hyphenated
        or head.lower() in _HYPHEN_PREFIXES
        or (head[-1].lower() in _VOWELS and tail[0].lower() in _VOWELS)
    )


def _is_heading(text: str, following: str | None) -> bool:
    """A short, unpunctuated line standing alone before running text is a sub-heading."""
    if not _heading_shaped(text) or following is None:
        return False
    return not _heading_shaped(following) or _LABEL.match(following) is not None


def _heading_shaped(text: str) -> bool:
    body = _LABEL.sub("", text)
    body = re.sub(r"^\d{1,2}\.\s+", "", body)
    return (
        len(text) <= HEADING_MAX_CHARS
        and body[:1].isupper()
        and not text.endswith(_NO_HEADING_END)
        and not text.startswith(("—", "–", "•"))
    )
