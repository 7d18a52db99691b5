"""JSON body blocks (SCHEMA.md) to StreamField data: media keys become database ids.

Each block is validated the way the admin form validates it (a model save does not check
StreamField blocks), so a block that breaks a rule, such as an image without alt text,
stops the seed with the item and block it belongs to.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from cms.core.blocks import BodyBlock
from cms.importers.seed.data import DemoDataError

BODY_BLOCK = BodyBlock()
# Checking an embed asks its provider over the network; the demo has none.
UNCHECKED_BLOCK_TYPES = {"embed"}


def describe_block_error(error: ValidationError) -> str:
    """Flatten Wagtail's nested block errors into "field: message" text."""
    parts = []
    for name, child_error in (getattr(error, "block_errors", None) or {}).items():
        parts.append(f"{name}: {describe_block_error(child_error)}")
    non_block_errors = getattr(error, "non_block_errors", None)
    if non_block_errors:
        parts.extend(message for item in non_block_errors.as_data() for message in item.messages)
    return "; ".join(parts) or "; ".join(error.messages)


def _check(kind: str, value, where: str, position: int) -> None:
    if kind in UNCHECKED_BLOCK_TYPES:
        return
    block = BODY_BLOCK.child_blocks[kind]
    try:
        block.clean(block.to_python(value))
    except ValidationError as error:
        raise DemoDataError(f"{where}: blok {position} ({kind}): {describe_block_error(error)}") from None


def body_stream(ctx, blocks: list[dict] | None, where: str) -> list[dict]:
    stream = []
    for position, block in enumerate(blocks or [], start=1):
        kind, value = block.get("type"), block.get("value")
        if kind not in BODY_BLOCK.child_blocks:
            ctx.warn(f"{where}: onbekend bloktype {kind!r} overgeslagen")
            continue
        if kind == "image":
            value = {**value, "image": ctx.media.image(value["image"]).pk}
        elif kind == "document":
            value = {**value, "document": ctx.media.document(value["document"], value.get("title", "")).pk}
        elif kind == "heading":
            value = {**value, "level": int(value.get("level", 2))}
        _check(kind, value, where, position)
        stream.append({"type": kind, "value": value})
    return stream
