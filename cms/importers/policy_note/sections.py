"""What the parser produces: the note as a tree of numbered sections with clean body text.

A `Section` knows its number as printed ("4.6"), its heading without the number, and its
body as blocks in reading order; the page title and the stable key used for slugs are
derived here once, so the importer and the command cannot disagree about them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

FOREWORD_HEADING = "Voorwoord"
FOREWORD_KEY = "voorwoord"


class BlockKind(enum.StrEnum):
    """A body block is running text or a sub-heading inside a section (not a section)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass
class Section:
    """A numbered chapter ("4") or subsection ("4.6"), or the unnumbered foreword.

    `number` is None for the foreword: the note prints no number for it, and inventing
    "0" would put a number on the page that the reader never saw.
    """

    number: str | None
    heading: str
    paragraphs: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The page title: number and full heading, e.g. "4.6 Crisiscommunicatie en ..."."""
        return f"{self.number} {self.heading}" if self.number else self.heading

    @property
    def key(self) -> str:
        """A slug prefix derived from the number only ("4-6"), so it survives a reworded heading."""
        return self.number.replace(".", "-") if self.number else FOREWORD_KEY

    def walk(self) -> Iterator[Section]:
        """This section, then its subsections, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()
