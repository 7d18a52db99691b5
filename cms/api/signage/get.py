"""`GET /api/signage/<wijk-slug>/[?language=nl]`: the playlist for the screens in a wijk;
`GET /api/signage/[?language=nl]`: the city-wide one (`"wijk": null`), for screens that serve everybody.

    {"wijk": {"slug": "ledeberg", "name": "Ledeberg"}, "language": "nl",
     "total_duration_seconds": 32,
     "items": [{"position": 1, "kind": "event", "page_id": 12, "title": "...",
                "image": {"url": "https://.../fill-1280x720.jpg", "width": 1280, "height": 720, "alt": "..."},
                "qr_target": "https://.../nl/activiteiten/...", "duration_seconds": 12,
                "valid_from": "...", "valid_until": "...", "starts_at": "...", "ends_at": "...",
                "location": "..."}, ...]}

Cacheable like every API answer (ETag, Last-Modified, 304; see `cms.api.feeds.conditional`):
players poll it every minute or so and mostly get a 304.
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse

from cms.api.feeds import conditional
from cms.api.feeds.handling import read_only_api_view
from cms.api.feeds.params import language_param
from cms.api.feeds.taxonomy import wijk_or_404
from cms.api.signage.playlist import MODELS, playlist_entries, playlist_item
from cms.core.models import Wijk


@read_only_api_view
def signage_playlist(request, slug: str):
    return _playlist_answer(request, wijk_or_404(slug))


@read_only_api_view
def signage_city_playlist(request):
    return _playlist_answer(request, None)


def _playlist_answer(request, wijk: Wijk | None):
    language = language_param(request)
    entries = playlist_entries(wijk=wijk, language=language)
    windows = [(kind, valid_from, valid_until) for kind, _page, valid_from, valid_until in entries]
    etag, last_modified = conditional.validators(
        request, kind=f"signage:{wijk.pk if wijk else 'city'}", pages=[page for _kind, page, *_rest in entries], models=MODELS,
        extra=[language, windows],
    )

    def build():
        items = [
            {"position": position, **playlist_item(request, *entry)} for position, entry in enumerate(entries, 1)
        ]
        body = {
            "wijk": {"slug": wijk.slug, "name": wijk.name} if wijk else None,
            "language": language,
            "total_duration_seconds": sum(item["duration_seconds"] for item in items),
            "items": items,
        }
        return JsonResponse(body, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})

    return conditional.answer(request, etag=etag, last_modified=last_modified, build=build)
