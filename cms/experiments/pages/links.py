"""The links on a page that an experiment can measure: the addresses of its call-to-action blocks.

A call to action is the page's one clear next step (cms/core/blocks.py), so it is what an
experiment on the title, the intro or the button text is meant to move. Links inside running
text are not measured (yet): their HTML would have to be rewritten per view.
"""

from __future__ import annotations


def call_to_action_links(page) -> list[str]:
    """The addresses of the page's call-to-action blocks, in body order (none without a body)."""
    body = getattr(page, "body", None)
    if body is None:
        return []
    return [block.value.get("url") for block in body if block.block_type == "call_to_action" and block.value.get("url")]
