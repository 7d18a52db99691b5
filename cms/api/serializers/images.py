"""Images as renditions a front end can put straight into `<img>`: url, width, height, alt.

The original upload can be a 6000-pixel camera file; clients get a rendition no larger than
`RENDITION_FILTER`, generated once and reused (Wagtail stores renditions).
"""

from __future__ import annotations

RENDITION_FILTER = "max-1200x1200"


def rendition(image, *, alt: str | None = None, request=None) -> dict | None:
    if image is None:
        return None
    made = image.get_rendition(RENDITION_FILTER)
    url = made.url
    if request is not None and url.startswith("/"):
        url = request.build_absolute_uri(url)
    return {
        "url": url,
        "width": made.width,
        "height": made.height,
        "alt": alt if alt is not None else image.default_alt_text,
    }
