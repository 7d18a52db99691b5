"""`?offset=` on the v2 listings: an offset no database can take is a 400 naming `offset`, not a 500.

Wagtail checks that `offset` is a non-negative integer, then slices the queryset with it:
`?offset=99999999999999999999` (past a 64-bit integer) made PostgreSQL refuse the query
and the endpoint answer 500 (found by the API fuzzer, issue 12). No listing is that long:
offsets above `MAX_OFFSET` (the traversal API's `b_start` cap) are refused before Wagtail
sees them.
"""

from __future__ import annotations

from cms.api.batching import MAX_START
from cms.http.problems import InvalidParam, bad_request

PARAM = "offset"
MAX_OFFSET = MAX_START


def check_offset(request) -> None:
    raw = request.GET.get(PARAM)
    if raw is not None and raw.isdecimal() and raw.isascii() and int(raw) > MAX_OFFSET:
        raise bad_request(InvalidParam(PARAM, f"must be at most {MAX_OFFSET}"))
