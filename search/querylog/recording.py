"""Writing to the search log from the search API: one statement per search or click, never an error.

A citizen's search must not wait for, or fail because of, the log: a search is one INSERT
of a raw row (a query that looks like personal data is one counter increment, without its
text), an opened result one INSERT; folding into daily counts happens later, in a task.
Each write runs in its own savepoint, so a failure cannot spoil a transaction around it,
and is logged with the error's type only: a database error's message can quote the row,
and the row holds what a citizen typed.

Nothing here reads the request: no address, no cookie, no user agent, no session id is
ever handed to this module, so none can be stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from search.querylog.click_tokens import Click
from search.querylog.increments import counts_add
from search.querylog.models import SearchClick, SearchEvent, WithheldDay, WithheldKind
from search.querylog.normalise import query_normalise
from search.querylog.personal_data import personal_data_kind

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Screened:
    """A query as the log may keep it: its normalised text, or why it may not be kept."""

    query: str  # normalised; "" when withheld or empty
    withheld: WithheldKind | None = None

    @property
    def storable(self) -> bool:
        return bool(self.query)


def query_screen(text: str) -> Screened:
    """Normalise `text` and check it for personal data (on the normalised form, so spacing tricks do not help)."""
    query = query_normalise(text)
    kind = personal_data_kind(query) if query else None
    return Screened(query="" if kind else query, withheld=kind)


def _safely(action: str, write) -> bool:
    try:
        with transaction.atomic():
            write()
        return True
    except Exception as error:  # noqa: BLE001 - the log must never break a search
        logger.warning("search log: could not record %s (%s)", action, type(error).__name__)
        return False


def search_record(*, screened: Screened, language: str, results: int) -> bool:
    """Record one search (already screened); returns whether it was written."""
    day = timezone.localdate()
    if screened.withheld:
        row = {"day": day, "kind": screened.withheld.value, "searches": 1}
        return _safely("a withheld search", lambda: counts_add(WithheldDay, [row], key=("day", "kind"), counts=("searches",)))
    if not screened.storable:
        return False
    return _safely("a search", lambda: SearchEvent.objects.create(
        day=day, query=screened.query, language=language, results=max(results, 0)))


def click_record(*, click: Click) -> bool:
    """Record that a result was opened; returns whether it was written."""
    return _safely("a click", lambda: SearchClick.objects.create(
        day=timezone.localdate(), query=click.query, language=click.language, page_id=click.page_id,
        position=click.position))
