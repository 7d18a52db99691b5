"""A section's blocks as StreamField data in the page body vocabulary (cms/core/blocks.py).

Running text becomes `paragraph` rich text, sub-headings become `heading` blocks, and a
run of list items becomes one real list (`<ol>` when numbered 1, 2, 3 ..., `<ul>` for
dashes) so screen readers announce it as a list, as the note's own layout shows it.
Plain Python, so it is tested without a database.
"""

from __future__ import annotations

import re
from html import escape

from .sections import Block, BlockKind

_NUMBERED_ITEM = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>.+)$")
_DASHED_ITEM = re.compile(r"^[—–•]\s+(?P<text>.+)$")
HEADING_LEVEL = 2  # the page title is the h1; a sub-heading inside a section is the next level


def stream_data(blocks: list[Block]) -> list[dict]:
    """`[{"type": ..., "value": ...}]` for a StreamField, one entry per paragraph, heading or list."""
    data: list[dict] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == BlockKind.HEADING:
            data.append({"type": "heading", "value": {"text": block.text, "level": HEADING_LEVEL}})
            index += 1
            continue
        items, index_after = _list_at(blocks, index)
        if items is not None:
            data.append({"type": "paragraph", "value": items})
            index = index_after
            continue
        data.append({"type": "paragraph", "value": f"<p>{escape(block.text, quote=False)}</p>"})
        index += 1
    return data


def _list_at(blocks: list[Block], start: int) -> tuple[str | None, int]:
    """The list HTML starting at `start` and the index after it, or (None, start)."""
    numbered: list[str] = []
    index = start
    while index < len(blocks) and blocks[index].kind == BlockKind.PARAGRAPH:
        match = _NUMBERED_ITEM.match(blocks[index].text)
        if match is None or int(match["number"]) != len(numbered) + 1:
            break
        numbered.append(match["text"])
        index += 1
    if numbered:
        return _html_list("ol", numbered), index
    dashed: list[str] = []
    while index < len(blocks) and blocks[index].kind == BlockKind.PARAGRAPH:
        match = _DASHED_ITEM.match(blocks[index].text)
        if match is None:
            break
        dashed.append(match["text"])
        index += 1
    if dashed:
        return _html_list("ul", dashed), index
    return None, start


def _html_list(tag: str, items: list[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + f"</{tag}>"
