"""The signed token in a search result's link: which query opened which page, at which position.

A result link goes through the API (`/api/search/click/?t=<token>`), which records the
click and redirects to the page's own public address. The token is signed (Django's
signing, with SECRET_KEY and a salt of its own), so nobody can make the API count clicks
for a query nobody asked, and the address redirected to is looked up from the page id
inside it: the link can never send a reader to another site (no open redirect).

Deterministic on purpose (no timestamp): the same search gives the same answer, so the
answer's ETag still lets caches revalidate it. The token holds the normalised query, which
is already in the address of the search page it came from, and nothing about the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

SALT = "search.querylog.click"


class BadClickToken(ValueError):
    """The token was not signed by us, was altered, or does not hold a click."""


@dataclass(frozen=True)
class Click:
    query: str  # normalised
    language: str  # "" for every language
    page_id: int
    position: int  # in the results, from 1


def click_token(click: Click) -> str:
    return signing.dumps([click.query, click.language, click.page_id, click.position], salt=SALT)


def click_from_token(token: str) -> Click:
    try:
        query, language, page_id, position = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadClickToken(str(error)) from None
    valid = (isinstance(query, str) and query and isinstance(language, str) and isinstance(page_id, int)
             and isinstance(position, int) and page_id > 0 and position > 0)
    if not valid:
        raise BadClickToken("the token does not hold a click")
    return Click(query=query, language=language, page_id=page_id, position=position)
