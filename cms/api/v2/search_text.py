"""`?search=` as the search backends can take it: any text a person types gives 200 or a 400 naming `search`.

Wagtail's database backend on SQLite quotes each word for FTS5 without escaping a double
quote inside it, so `?search="` was a 500 (OperationalError: unterminated string), and it fails on text of
blanks only. Quotes carry no meaning in a plain-text search (words are matched, not
phrases), so they are read as spaces before the backend sees the text, on every database
alike, and text with no word left is searched as an empty `search` (Wagtail's own answer). A NUL character
(`%00`) can be stored by no database: that is a 400 naming `search`, as is text longer than
`MAX_LENGTH` characters (a person never types that much into a search box; a long text
would only cost the database time).
"""

from __future__ import annotations

from cms.http.problems import InvalidParam, bad_request

PARAM = "search"
MAX_LENGTH = 200
READ_AS_SPACE = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})


def search_text(raw: str) -> str:
    """The text to search for; raises a 400 problem naming `search` for text no backend can take."""
    if "\x00" in raw:
        raise bad_request(InvalidParam(PARAM, "null characters are not allowed"))
    if len(raw) > MAX_LENGTH:
        raise bad_request(InvalidParam(PARAM, f"at most {MAX_LENGTH} characters"))
    text = raw.translate(READ_AS_SPACE)
    return text if text.strip() else ""  # nothing to look for: as an empty `search` (SQLite's backend fails on blanks)


def clean_search_param(request) -> None:
    """Write the cleaned `search` into this request's query (Wagtail's filters read it from there)."""
    django_request = getattr(request, "_request", request)
    if PARAM not in django_request.GET:
        return
    cleaned = search_text(django_request.GET[PARAM])
    if cleaned != django_request.GET[PARAM]:
        query = django_request.GET.copy()
        query[PARAM] = cleaned
        query._mutable = False
        django_request.GET = query
