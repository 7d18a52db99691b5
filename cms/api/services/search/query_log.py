"""What the public search tells the search log (search/querylog/): the search itself, and a link per result.

Counted as a search: a GET of page 1 of a whole-site search without facet or date filters,
in one of the site's languages or in all of them, answered by the configured backend. Not
counted: paging on (the same question), refining with a filter (the same question, and an
empty filtered answer is no gap in the site), `@search` below a page, HEAD, an unknown
language (filtered to nothing on purpose), and an answer from the fallback (Elasticsearch
unreachable: "nothing found" would be about the outage, not the site). A 304 is counted:
the search ran for someone.

Every result of a whole-site search whose query may be stored gets a `click` link: the
API's signed click address, which records the position opened and redirects to the page
(`click.py`). A query withheld as personal data gets no links, so its text never travels
in one.
"""

from __future__ import annotations

from django.urls import reverse

from search.query import SearchHit, SearchQuery
from search.querylog.click_tokens import Click, click_token
from search.querylog.recording import Screened, search_record

from .running import Outcome


def log_language(query: SearchQuery) -> str:
    """The language the search is logged under: the one asked for, "" for every language."""
    return query.language or ""


def counts_as_search(request, query: SearchQuery, outcome: Outcome) -> bool:
    unfiltered = not (query.themes or query.wijken or query.types or query.date_from or query.date_to)
    known_language = not query.languages or query.language is not None
    return (request.method == "GET" and query.page == 1 and unfiltered and known_language
            and not outcome.metadata.get("fallback"))


def search_log(request, query: SearchQuery, outcome: Outcome, screened: Screened) -> None:
    if counts_as_search(request, query, outcome):
        search_record(screened=screened, language=log_language(query), results=outcome.total)


def click_links(request, query: SearchQuery, hits: list[SearchHit], screened: Screened) -> list[str | None]:
    """One link per hit (None where there can be none), in the order of `hits`."""
    if not screened.storable:
        return [None] * len(hits)
    address = request.build_absolute_uri(reverse("api-search-click"))
    first = (query.page - 1) * query.page_size + 1
    links: list[str | None] = []
    for offset, hit in enumerate(hits):
        if not str(hit.id).isdigit():
            links.append(None)
            continue
        click = Click(query=screened.query, language=log_language(query), page_id=int(hit.id), position=first + offset)
        links.append(f"{address}?t={click_token(click)}")
    return links
