"""The picture that goes with a page: for signage screens and the schema.org `image`.

Pages have no dedicated lead-image field, so the first image an editor gave the page is
used: a press release's first image attachment (chosen for the press, with credit and alt
text), else the first image block of the body. None when the page has no image; the
screen then shows the title on the house style background.
"""

from __future__ import annotations


def first_image(page):
    """(image, alt) or (None, "")."""
    attachments = getattr(page, "attachments", None)
    if attachments is not None:
        for attachment in attachments.all():
            if attachment.image_id:
                return attachment.image, attachment.alt
    body = getattr(page, "body", None)
    for block in body or []:
        if block.block_type == "image" and block.value.get("image"):
            return block.value["image"], block.value.get("alt") or ""
    return None, ""


def image_rendition(page, request, spec: str) -> dict | None:
    """An absolute rendition URL with its size and alt text, or None."""
    image, alt = first_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    url = rendition.url
    if url.startswith("/"):
        url = request.build_absolute_uri(url)
    return {"url": url, "width": rendition.width, "height": rendition.height, "alt": alt or image.default_alt_text}
