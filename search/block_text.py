"""The readable text of a StreamField, one paragraph per block, for the search index.

Every block already says which of its values a reader sees as text: Wagtail's
`get_searchable_content` (rich text stripped of tags, headings, questions and answers,
step titles, captions, alternative texts, button labels, contact details; no URLs, ids
or heading levels). We use it rather than a list of our block types, so a block added to
`cms.core.blocks.BodyBlock` is searchable the day it is added, and a field marked
`search_index=False` stays out. What we add is shape: each top-level block becomes one
paragraph whose parts read as sentences, because the passage splitter cuts at paragraph
and sentence ends and the snippet a citizen sees is cut from those passages.
"""

from __future__ import annotations

from html import unescape

SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")


def as_sentence(text: str) -> str:
    """`text` with its whitespace collapsed and a full stop added when it has no end mark."""
    text = " ".join(unescape(str(text)).split())
    if text and not text.endswith(SENTENCE_ENDS):
        text += "."
    return text


def sentences(parts) -> str:
    """Parts (a heading, a question, an answer...) joined into one paragraph of sentences."""
    return " ".join(sentence for sentence in (as_sentence(part) for part in parts if part) if sentence)


def stream_paragraphs(stream_value) -> list[str]:
    """One paragraph per block of a StreamField value, in reading order; blocks without text give none."""
    if stream_value is None:
        return []
    paragraphs = []
    for child in stream_value:
        paragraph = sentences(child.block.get_searchable_content(child.value))
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs
