"""`GET /api/search/suggest/?q=&lang=&limit=`: page titles as a citizen types.

Every full word typed must be in the title and the last may be a prefix (the backend
contract's `suggest`). Like the search, it falls back to the local backend when
Elasticsearch is unreachable and says so in `metadata`.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.core.publishing import public_path_of

from .get import guarded, json_answer
from .params import parse_suggest
from .running import run_suggest


@guarded
def suggest_view(request):
    prefix, language, limit = parse_suggest(request)
    suggestions, metadata = run_suggest(prefix, language, limit)
    return json_answer(request, {
        "@id": request.build_absolute_uri(),
        "query": prefix,
        "items": [
            {"@id": content_url(request, public_path_of(s.url)), "url": s.url, "title": s.title,
             "language": s.language}
            for s in suggestions
        ],
        "metadata": metadata,
    })
