"""`GET /api/brand/`: the city's brand for front ends (the signage player, the citizen site).

The same brand settings letters, the printed magazine and e-mails use (cms/core/models/brand.py),
so a screen in a library shows the city's colours, typeface and Gentinfo footer as set in
the admin. Public facts only; cacheable with an ETag like every API answer.
"""

from __future__ import annotations

from django.http import JsonResponse

from cms.api import caching
from cms.api.feeds.handling import read_only_api_view
from cms.core.models import brand

SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "logo": {"type": ["string", "null"], "format": "uri", "description": "PNG, at most 600x200; null: show the name."},
        "colours": {
            "type": "object",
            "properties": {"primary": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
                           "accent": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
                           "text": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}},
            "required": ["primary", "accent", "text"],
            "description": "White text on `primary` and `text` on white both have at least 4.5:1 contrast.",
        },
        "typeface": {"type": "string", "description": "A free font family (DejaVu Sans, DejaVu Serif, Liberation Sans)."},
        "gentinfo": {
            "type": "object",
            "properties": {key: {"type": "string"} for key in ("phone", "email", "address", "opening_hours", "url")},
            "required": ["phone", "email", "address", "opening_hours", "url"],
        },
    },
    "required": ["name", "logo", "colours", "typeface", "gentinfo"],
}


def brand_answer(request) -> dict:
    house = brand()
    logo = request.build_absolute_uri(house.logo_url) if house.logo_url else None
    return {
        "name": house.name,
        "logo": logo,
        "colours": {"primary": house.primary_colour, "accent": house.accent_colour, "text": house.text_colour},
        "typeface": house.typeface,
        "gentinfo": {"phone": house.gentinfo_phone, "email": house.gentinfo_email, "address": house.gentinfo_address,
                     "opening_hours": house.gentinfo_hours, "url": house.gentinfo_url},
    }


@read_only_api_view
def brand_view(request):
    body = brand_answer(request)
    etag = caching.fingerprint_etag(body)
    cached = caching.not_modified(request, etag=etag, last_modified=None)
    if cached is not None:
        return cached
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    return caching.decorate(response, etag=etag, last_modified=None)
