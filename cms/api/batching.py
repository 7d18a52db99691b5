"""Plone's batching for children: `?b_start=&b_size=`, with `batching` links to walk them.

Clients that know plone.restapi already page with these names; the links carry the other
representation parameters so following `next` keeps the same `expand`.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from urllib.parse import urlencode

from cms.http.problems import InvalidParam, bad_request

DEFAULT_SIZE = 25
MAX_SIZE = 100
# No page has this many children; a larger start only overflows the database's OFFSET (a 500 on SQLite).
MAX_START = 1_000_000


@dataclass(frozen=True)
class Batch:
    start: int
    size: int


def _non_negative(request, name: str, default: int, maximum: int | None = None) -> int | InvalidParam:
    raw = request.GET.get(name)
    if raw is None:
        return default
    # Digits only: int() would also take " 5", "0\t", "٣" and "1_0", which the document does not (issue 12).
    if not re.fullmatch(r"-?[0-9]+", raw):
        return InvalidParam(name, "must be a whole number")
    value = int(raw)
    if value < 0:
        return InvalidParam(name, "must not be negative")
    if maximum is not None and not 1 <= value <= maximum:
        return InvalidParam(name, f"must be between 1 and {maximum}")
    return value


def parse_batch(request) -> Batch:
    start = _non_negative(request, "b_start", 0)
    if isinstance(start, int) and start > MAX_START:
        start = InvalidParam("b_start", f"must be at most {MAX_START}")
    size = _non_negative(request, "b_size", DEFAULT_SIZE, MAX_SIZE)
    errors = [value for value in (start, size) if isinstance(value, InvalidParam)]
    if errors:
        raise bad_request(*errors)
    return Batch(start=start, size=size)


def batching_links(base_url: str, query: dict, batch: Batch, total: int) -> dict | None:
    """Plone's `batching` object, or None when everything fits in one batch."""
    if total <= batch.size and batch.start == 0:
        return None

    def link(start: int) -> str:
        return base_url + "?" + urlencode({**query, "b_start": start, "b_size": batch.size})

    last = max(0, ((total - 1) // batch.size) * batch.size)
    links = {"@id": link(batch.start), "first": link(0), "last": link(last)}
    if batch.start > 0:
        links["prev"] = link(max(0, batch.start - batch.size))
    if batch.start + batch.size < total:
        links["next"] = link(batch.start + batch.size)
    return links
