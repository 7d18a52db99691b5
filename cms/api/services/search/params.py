"""The public search's query parameters, checked once and turned into a `SearchQuery`.

Every bad parameter is collected and refused in one 400 problem naming each of them, so a
developer fixes a request in one go. A facet value nobody uses (`theme=nonexistent`) is
not an error: it is a valid question whose answer is empty, the same as on the site's
filter links after a theme is retired. In the same way a page past the first
`MAX_RESULTS` results and a date range that ends before it starts are valid questions with
no results to show (`Asked.empty`), answered with an empty page, not refused: the
document cannot say that one parameter's bounds depend on another's (found by the API
fuzzer, issue 12).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cms.http.problems import InvalidParam, bad_request, unknown_params
from search.query import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULTS, SearchMode, SearchQuery, site_languages

MAX_QUERY_LENGTH = 500
SEARCH_PARAMS = {"q", "theme", "wijk", "type", "lang", "mode", "page", "page_size", "date_from", "date_to"}
SUGGEST_PARAMS = {"q", "lang", "limit"}
DEFAULT_SUGGESTIONS = 8
MAX_SUGGESTIONS = 20


def _check_known(request, known: set[str]) -> None:
    unknown = set(request.GET) - known
    if unknown:
        raise unknown_params(unknown)


def _text(request, errors: list[InvalidParam]) -> str:
    text = request.GET.get("q", "")
    if not text.strip():
        errors.append(InvalidParam("q", "required: the words to search for"))
    elif len(text) > MAX_QUERY_LENGTH:
        errors.append(InvalidParam("q", f"at most {MAX_QUERY_LENGTH} characters"))
    return text


def _integer(request, name: str, default: int, low: int, high: int | None, errors: list[InvalidParam]) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"{low} or more"
        errors.append(InvalidParam(name, f"an integer {bound}"))
        return default
    return value


def _date(request, name: str, errors: list[InvalidParam]) -> date | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(InvalidParam(name, "an ISO date, e.g. 2026-03-01"))
        return None


def _values(request, name: str) -> tuple[str, ...]:
    """Comma-separated values (also repeated parameters), ORed by the query."""
    return tuple(value.strip() for raw in request.GET.getlist(name) for value in raw.split(",") if value.strip())


def _language(request) -> tuple[str | None, tuple[str, ...]]:
    """(language to analyse the query in, language filter); an unknown language filters to nothing."""
    lang = request.GET.get("lang", "").strip()
    if not lang:
        return None, ()
    return (lang if lang in site_languages() else None), (lang,)


@dataclass(frozen=True)
class Asked:
    """What the backend runs (`query`), the page the client asked for, and why there is nothing to show."""

    query: SearchQuery
    page: int
    beyond_results: bool = False  # `page` lies past the first MAX_RESULTS results: none are shown
    empty_range: bool = False  # `date_to` before `date_from`: no page can match

    @property
    def empty(self) -> bool:
        return self.beyond_results or self.empty_range


def parse_search(request) -> Asked:
    _check_known(request, SEARCH_PARAMS)
    errors: list[InvalidParam] = []
    text = _text(request, errors)
    mode = request.GET.get("mode", SearchMode.HYBRID.value)
    if mode not in {m.value for m in SearchMode}:
        errors.append(InvalidParam("mode", f"one of {', '.join(m.value for m in SearchMode)}"))
        mode = SearchMode.HYBRID.value
    page = _integer(request, "page", 1, 1, None, errors)
    page_size = _integer(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors)
    date_from, date_to = _date(request, "date_from", errors), _date(request, "date_to", errors)
    if errors:
        raise bad_request(*errors)
    beyond_results = page * page_size > MAX_RESULTS
    empty_range = bool(date_from and date_to and date_from > date_to)
    if empty_range:  # counted and faceted without the dates; the answer shows none of it
        date_from = date_to = None
    language, languages = _language(request)
    query = SearchQuery(
        text,
        mode=SearchMode(mode),
        language=language,
        themes=_values(request, "theme"),
        wijken=_values(request, "wijk"),
        types=_values(request, "type"),
        languages=languages,
        date_from=date_from,
        date_to=date_to,
        page=1 if beyond_results else page,
        page_size=page_size,
    )
    return Asked(query, page, beyond_results=beyond_results, empty_range=empty_range)


def parse_suggest(request) -> tuple[str, str | None, int]:
    """(typed prefix, language or None, limit) for title suggestions."""
    _check_known(request, SUGGEST_PARAMS)
    errors: list[InvalidParam] = []
    text = _text(request, errors)
    limit = _integer(request, "limit", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS, errors)
    if errors:
        raise bad_request(*errors)
    return text, request.GET.get("lang", "").strip() or None, limit
