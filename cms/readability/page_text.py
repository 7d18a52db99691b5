"""The text a page gives to read, cut into parts an editor recognises: the intro, then each block.

A block's readable text is what Wagtail's own `get_searchable_content` says it is (rich
text without tags, questions and answers, step titles, captions), so a block type added to
the body is scored the day it is added. Blocks that hold no running text (headings, images,
contact details, documents, embeds) are left out: a heading is not a sentence, and counting
it as one would make every page look easier than it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_PROSE = {"heading", "image", "contact", "document", "embed"}


@dataclass(frozen=True)
class TextPart:
    key: str  # "intro" or the block's id
    label: str  # "Inleiding", "Tekst (blok 3)"
    block_type: str
    text: str


def stream_parts(stream_value) -> list[TextPart]:
    parts = []
    for position, child in enumerate(stream_value or [], start=1):
        name = child.block_type
        if name in NOT_PROSE:
            continue
        pieces = [str(piece) for piece in child.block.get_searchable_content(child.value) if str(piece).strip()]
        if pieces:
            label = f"{child.block.label or name} (blok {position})"
            parts.append(TextPart(key=str(child.id or position), label=label, block_type=name, text="\n".join(pieces)))
    return parts


def page_parts(page) -> list[TextPart]:
    """The intro and every prose block of a (specific) page, in reading order."""
    parts = []
    intro = (getattr(page, "intro", "") or "").strip()
    if intro:
        parts.append(TextPart(key="intro", label="Inleiding", block_type="intro", text=intro))
    return parts + stream_parts(getattr(page, "body", None))


def page_language(page) -> str:
    return getattr(getattr(page, "locale", None), "language_code", "nl") or "nl"
