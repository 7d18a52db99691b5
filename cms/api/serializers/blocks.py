"""The body as typed blocks: `[{"type": "paragraph", "id": "...", "value": ...}, ...]`.

Block type names and value keys are the ones cms/core/blocks.py and SCHEMA.md define, so
the demo JSON, the admin and API clients speak one vocabulary. What we change from
Wagtail's raw API representation is what a front end cannot do itself: rich text is HTML
with internal links expanded to real URLs (not `<a linktype="page" id="3">`), images are
renditions with their alt text, documents carry their download URL.
"""

from __future__ import annotations

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html

from cms.api.serializers.images import rendition


def block_value(block, value, request):
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else (value or "")
        return expand_db_html(source)
    if isinstance(block, blocks.StructBlock):
        return struct_value(block, value, request)
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, request) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return stream_value(value, request)
    if isinstance(block, ImageChooserBlock):
        return rendition(value, request=request)
    if isinstance(block, DocumentChooserBlock):
        if value is None:
            return None
        return {"id": value.pk, "title": value.title, "url": request.build_absolute_uri(value.url)}
    if isinstance(block, EmbedBlock):
        return value.url if value is not None else None
    return block.get_api_representation(value)


def struct_value(block, value, request) -> dict:
    result = {name: block_value(child, value.get(name), request) for name, child in block.child_blocks.items()}
    # An image struct carries the editor's alt text beside the chooser: put it on the rendition.
    if isinstance(result.get("image"), dict) and "alt" in result:
        result["image"]["alt"] = result["alt"]
    return result


def stream_value(stream, request) -> list[dict]:
    return [
        {"type": child.block_type, "id": child.id, "value": block_value(child.block, child.value, request)}
        for child in stream
    ]
