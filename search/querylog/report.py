"""The search report: most searched, searched but nothing found, found but never opened; with trends.

For a period (days, both ends included) and per (query, language):

* **top**: how often it was searched;
* **no_results**: how often it found nothing (a page is missing, or uses other words);
* **not_opened**: how often it found something, for queries none of whose results was
  opened in the period (the results did not look like the answer).

Every figure counts the daily counts plus the raw rows not folded yet, in one SQL statement
(a `UNION ALL` of the four tables), so a report is exact at any moment: a search shows up
at once, and a fold committing meanwhile moves rows from one side to the other within the
statement's snapshot, never counting them twice. Only page 1 of unfiltered whole-site
searches counts as a search (the API decides, `cms/api/services/search`), while clicks count
from any result page, so a query refined by a filter still counts as opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from search.querylog.models import SearchClick, SearchDay, SearchEvent, SearchPageDay, WithheldDay, WithheldKind

DEFAULT_DAYS = 30
DEFAULT_LIMIT = 50
SECTIONS = ("top", "no_results", "not_opened")


@dataclass(frozen=True)
class QueryCount:
    query: str
    language: str  # "" for every language
    count: int

    def as_json(self) -> dict:
        return {"query": self.query, "lang": self.language or None, "count": self.count}


@dataclass(frozen=True)
class SearchReport:
    since: date
    until: date
    top: list[QueryCount]
    no_results: list[QueryCount]
    not_opened: list[QueryCount]
    days: list[date] = field(default_factory=list)
    #: One value per day in `days`, per section: searches, searches without results,
    #: searches with results of queries of which nothing was opened that day.
    trends: dict[str, list[int]] = field(default_factory=dict)
    withheld: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            **{section: [row.as_json() for row in getattr(self, section)] for section in SECTIONS},
            "withheld": self.withheld,
        }


def period_of(days: int, *, today: date | None = None) -> tuple[date, date]:
    """The last `days` days, today included."""
    until = today or timezone.localdate()
    return until - timedelta(days=days - 1), until


def _sources(since: date, until: date) -> tuple[str, list]:
    """Rows (d, q, l, s, e, c) = (day, query, language, searches, empty searches, clicks) from all four tables."""
    q = connection.ops.quote_name
    day, query, language = q("day"), q("query"), q("language")
    tables = {model: q(model._meta.db_table) for model in (SearchDay, SearchEvent, SearchPageDay, SearchClick)}
    where = f"{day} >= %s AND {day} <= %s"
    sql = (
        f"SELECT {day} AS d, {query} AS q, {language} AS l, {q('searches')} AS s, {q('empty')} AS e, 0 AS c "
        f"FROM {tables[SearchDay]} WHERE {where} "
        f"UNION ALL SELECT {day}, {query}, {language}, COUNT(*), SUM(CASE WHEN {q('results')} = 0 THEN 1 ELSE 0 END), 0 "
        f"FROM {tables[SearchEvent]} WHERE {q('folded')} = %s AND {where} GROUP BY {day}, {query}, {language} "
        f"UNION ALL SELECT {day}, {query}, {language}, 0, 0, {q('clicks')} FROM {tables[SearchPageDay]} WHERE {where} "
        f"UNION ALL SELECT {day}, {query}, {language}, 0, 0, 1 FROM {tables[SearchClick]} WHERE {q('folded')} = %s AND {where}"
    )
    return sql, [since, until, False, since, until, since, until, False, since, until]


# (count expression, condition) per section, over per-query sums S (searches), E (empty), C (clicks).
_SECTION_SQL = {
    "top": ("SUM(s)", "SUM(s) > 0"),
    "no_results": ("SUM(e)", "SUM(e) > 0"),
    "not_opened": ("SUM(s) - SUM(e)", "SUM(s) - SUM(e) > 0 AND SUM(c) = 0"),
}


def _section(section: str, since: date, until: date, limit: int) -> list[QueryCount]:
    count, condition = _SECTION_SQL[section]
    sources, params = _sources(since, until)
    sql = (f"SELECT q, l, {count} FROM ({sources}) src GROUP BY q, l HAVING {condition} "
           f"ORDER BY {count} DESC, q, l LIMIT %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [QueryCount(query, language, int(n)) for query, language, n in cursor.fetchall()]


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _trends(since: date, until: date) -> tuple[list[date], dict[str, list[int]]]:
    sources, params = _sources(since, until)
    sql = (
        "SELECT d, SUM(s), SUM(e), SUM(CASE WHEN c = 0 THEN s - e ELSE 0 END) FROM "
        f"(SELECT d, q, l, SUM(s) AS s, SUM(e) AS e, SUM(c) AS c FROM ({sources}) src GROUP BY d, q, l) per_query "
        "GROUP BY d"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        by_day = {_as_date(day): (int(s or 0), int(e or 0), int(n or 0)) for day, s, e, n in cursor.fetchall()}
    days = [since + timedelta(days=n) for n in range((until - since).days + 1)]
    trends = {section: [by_day.get(day, (0, 0, 0))[index] for day in days] for index, section in enumerate(SECTIONS)}
    return days, trends


def _withheld(since: date, until: date) -> dict[str, int]:
    rows = (WithheldDay.objects.filter(day__gte=since, day__lte=until).values("kind")
            .annotate(total=Sum("searches")).order_by("kind"))
    counts = {row["kind"]: row["total"] for row in rows}
    return {kind.value: counts.get(kind.value, 0) for kind in WithheldKind}


def search_report(*, since: date, until: date, limit: int = DEFAULT_LIMIT) -> SearchReport:
    """The report for `since`..`until` (both included), each list at most `limit` long; five queries."""
    if since > until:
        raise ValueError("since is after until")
    days, trends = _trends(since, until)
    return SearchReport(
        since=since,
        until=until,
        top=_section("top", since, until, limit),
        no_results=_section("no_results", since, until, limit),
        not_opened=_section("not_opened", since, until, limit),
        days=days,
        trends=trends,
        withheld=_withheld(since, until),
    )
