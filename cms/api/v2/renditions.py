"""`?renditions=fill-800x450,width-400` on v2 pages and images: image sizes a front end asks for.

Stock v2 gives an image as an id (in StreamField blocks) or as `{id, meta, title}` (image
fields, the images endpoint), and the client must know Wagtail's rendition URLs to show it.
With `renditions`, every image in the answer also carries
`"renditions": {"fill-800x450": {"url", "width", "height", "alt"}, ...}`: image objects get
the key beside `meta`, image blocks (`{"image": 12, "alt": "..."}`) beside `image`, with
the editor's alt text of that block. Without the parameter the answer is stock.

Specs are Wagtail filter specs, at most `MAX_SPECS`, no side above `MAX_SIDE` pixels (a
client must not make the server resize to 20,000 pixels); a bad one is a 400 naming
`renditions`. Renditions are generated once and stored by Wagtail; the images of one
answer are read in one query with their renditions prefetched.
"""

from __future__ import annotations

import re

from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter

from cms.http.problems import InvalidParam, bad_request

PARAM = "renditions"
MAX_SPECS = 4
MAX_SIDE = 3000
IMAGE_TYPE = "wagtailimages.Image"


def requested_specs(request) -> list[str]:
    """The specs asked for (validated), or [] when the parameter is absent."""
    if PARAM not in request.GET:
        return []
    specs = list(dict.fromkeys(spec.strip() for spec in request.GET[PARAM].split(",") if spec.strip()))
    if not specs:
        raise bad_request(InvalidParam(PARAM, "give one or more filter specs, e.g. fill-800x450,width-400"))
    if len(specs) > MAX_SPECS:
        raise bad_request(InvalidParam(PARAM, f"at most {MAX_SPECS} sizes per request"))
    for spec in specs:
        try:
            Filter(spec=spec).operations  # noqa: B018 - parsing is the validation
        except (InvalidFilterSpecError, ValueError, IndexError):
            raise bad_request(InvalidParam(PARAM, f"'{spec}' is not an image filter spec (e.g. fill-800x450)")) from None
        if any(int(number) > MAX_SIDE for number in re.findall(r"\d+", spec)):
            raise bad_request(InvalidParam(PARAM, f"'{spec}': no side may exceed {MAX_SIDE} pixels"))
    return specs


def _image_objects(data, found: list[dict]):
    """Dicts standing for an image: v2 image objects and image blocks' values."""
    if isinstance(data, dict):
        meta = data.get("meta")
        if isinstance(meta, dict) and meta.get("type") == IMAGE_TYPE and isinstance(data.get("id"), int):
            found.append(data)
        elif isinstance(data.get("image"), int) and "alt" in data:
            found.append(data)
        for value in data.values():
            _image_objects(value, found)
    elif isinstance(data, list):
        for item in data:
            _image_objects(item, found)
    return found


def _image_id(obj: dict) -> int:
    return obj["image"] if isinstance(obj.get("image"), int) else obj["id"]


def add_renditions(request, data, specs: list[str]) -> None:
    """Give every image in `data` (a v2 answer, changed in place) its `renditions`."""
    objects = _image_objects(data, [])
    if not objects or not specs:
        return
    images = get_image_model().objects.filter(pk__in={_image_id(obj) for obj in objects}).prefetch_renditions(*specs)
    by_id = {image.pk: image for image in images}
    for obj in objects:
        image = by_id.get(_image_id(obj))
        if image is None:
            continue
        alt = obj.get("alt") if isinstance(obj.get("image"), int) else None
        obj["renditions"] = {spec: _rendition(request, image, spec, alt) for spec in specs}


def _rendition(request, image, spec: str, alt: str | None) -> dict:
    made = image.get_rendition(spec)
    url = made.url
    return {
        "url": request.build_absolute_uri(url) if url.startswith("/") else url,
        "width": made.width,
        "height": made.height,
        "alt": alt or image.default_alt_text,
    }
