"""The citizen questions that led to a page: the queries from whose results it was opened.

Shown beside the page in the editor, so an editor writes the title and intro in the words
citizens use ("ophaling grofvuil" where the page says "huisvuilinzameling"). Each question
comes with how often the page was opened from it and the page's average position in its
results: a question that found the page only at position 7 is one the page could answer
better. Daily counts plus clicks not folded yet, in one statement, like the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from search.querylog.models import SearchClick, SearchPageDay

DEFAULT_DAYS = 90
DEFAULT_LIMIT = 25


@dataclass(frozen=True)
class Question:
    query: str
    language: str  # "" for every language
    opened: int
    average_position: float


@dataclass(frozen=True)
class PageQuestions:
    page_id: int
    since: date
    questions: list[Question]
    total: int  # distinct questions in the period, also those beyond the limit


def page_questions(*, page_id: int, days: int = DEFAULT_DAYS, limit: int = DEFAULT_LIMIT,
                   today: date | None = None) -> PageQuestions:
    """The questions that opened page `page_id` in the last `days` days, most frequent first; one query."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    q = connection.ops.quote_name
    day, query, language, page = q("day"), q("query"), q("language"), q("page_id")
    sql = (
        "SELECT q, l, SUM(c), SUM(p), COUNT(*) OVER () FROM ("
        f"SELECT {query} AS q, {language} AS l, {q('clicks')} AS c, {q('position_sum')} AS p "
        f"FROM {q(SearchPageDay._meta.db_table)} WHERE {page} = %s AND {day} >= %s "
        f"UNION ALL SELECT {query}, {language}, 1, {q('position')} "
        f"FROM {q(SearchClick._meta.db_table)} WHERE {q('folded')} = %s AND {page} = %s AND {day} >= %s"
        ") src GROUP BY q, l ORDER BY SUM(c) DESC, q, l LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [page_id, since, False, page_id, since, limit])
        rows = cursor.fetchall()
    questions = [Question(text, lang, int(opened), round(int(positions) / int(opened), 1))
                 for text, lang, opened, positions, _total in rows]
    return PageQuestions(page_id=page_id, since=since, questions=questions, total=int(rows[0][4]) if rows else 0)
