"""The report: most searched, nothing found, found but never opened; per day; within the period only."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.querylog.models import WithheldDay
from search.querylog.report import period_of, search_report

from .factories import opened, searched

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def log(today):
    """A week of searches: found and opened, found and not opened, not found at all, in two languages."""
    searched("afvalkalender", times=6, results=4)
    opened("afvalkalender", 10, position=1, times=3)
    searched("afvalkalender", times=2, results=4, day=today - timedelta(days=2))
    searched("parkeerkaart bewoners", times=5, results=7)  # never opened
    searched("xqzvwj", times=3, results=0)
    searched("xqzvwj", times=1, results=0, day=today - timedelta(days=1))
    searched("waste collection", times=2, results=0, language="en")
    searched("waste collection", times=1, results=2, language="en")
    searched("zwemles", times=1, results=0, language="")
    searched("oud nieuws", times=9, results=0, day=today - timedelta(days=40))  # before the period
    WithheldDay.objects.create(day=today, kind="phone", searches=2)


def test_most_searched(log, today):
    report = search_report(since=today - timedelta(days=6), until=today)
    assert [(r.query, r.language, r.count) for r in report.top] == [
        ("afvalkalender", "nl", 8),
        ("parkeerkaart bewoners", "nl", 5),
        ("xqzvwj", "nl", 4),
        ("waste collection", "en", 3),
        ("zwemles", "", 1),
    ]


def test_searched_but_nothing_found(log, today):
    report = search_report(since=today - timedelta(days=6), until=today)
    assert [(r.query, r.language, r.count) for r in report.no_results] == [
        ("xqzvwj", "nl", 4),
        ("waste collection", "en", 2),
        ("zwemles", "", 1),
    ]


def test_found_but_never_opened(log, today):
    report = search_report(since=today - timedelta(days=6), until=today)
    # afvalkalender was opened; waste collection found something once and nobody opened it.
    assert [(r.query, r.language, r.count) for r in report.not_opened] == [
        ("parkeerkaart bewoners", "nl", 5),
        ("waste collection", "en", 1),
    ]


def test_the_period_limits_what_is_counted(log, today):
    report = search_report(since=today - timedelta(days=1), until=today - timedelta(days=1))
    assert [(r.query, r.count) for r in report.top] == [("xqzvwj", 1)]
    assert search_report(since=today - timedelta(days=40), until=today - timedelta(days=40)).no_results[0].count == 9


def test_trends_have_one_value_per_day(log, today):
    report = search_report(since=today - timedelta(days=2), until=today)
    assert report.days == [today - timedelta(days=2), today - timedelta(days=1), today]
    assert report.trends["top"] == [2, 1, 18]
    assert report.trends["no_results"] == [0, 1, 6]
    # today: parkeerkaart (5) and waste collection (1 with results) were found, nothing of them opened;
    # two days ago afvalkalender (2) was found and not opened that day.
    assert report.trends["not_opened"] == [2, 0, 6]


def test_withheld_counts_are_reported_by_kind(log, today):
    report = search_report(since=today, until=today)
    assert report.withheld["phone"] == 2 and report.withheld["email"] == 0


def test_the_limit_applies_to_each_list(log, today):
    report = search_report(since=today - timedelta(days=6), until=today, limit=2)
    assert len(report.top) == 2 and len(report.no_results) == 2 and len(report.not_opened) == 2


def test_the_report_costs_five_queries_whatever_the_number_of_queries(log, today):
    for n in range(30):
        searched(f"vraag {n}", results=n % 3)
    with CaptureQueriesContext(connection) as queries:
        search_report(since=today - timedelta(days=29), until=today)
    assert len(queries) == 5


def test_an_empty_period_is_an_empty_report(db, today):
    report = search_report(since=today, until=today)
    assert report.top == report.no_results == report.not_opened == []
    assert report.trends == {"top": [0], "no_results": [0], "not_opened": [0]}


def test_since_after_until_is_refused(today):
    with pytest.raises(ValueError):
        search_report(since=today, until=today - timedelta(days=1))


def test_period_of_counts_today():
    today = timezone.localdate()
    assert period_of(7, today=today) == (today - timedelta(days=6), today)


def test_the_command_prints_json(log, capsys):
    call_command("search_report", "--json", "--days", "7")
    answer = json.loads(capsys.readouterr().out)
    assert {"top", "no_results", "not_opened"} <= set(answer)
    assert answer["top"][0] == {"query": "afvalkalender", "lang": "nl", "count": 8}
    assert {"query": "zwemles", "lang": None, "count": 1} in answer["no_results"]
    assert answer["not_opened"][0] == {"query": "parkeerkaart bewoners", "lang": "nl", "count": 5}
    assert all(set(row) == {"query", "lang", "count"} for key in ("top", "no_results", "not_opened") for row in answer[key])


def test_the_command_days_option_sets_the_period(log, capsys):
    call_command("search_report", "--json", "--days", "1")
    answer = json.loads(capsys.readouterr().out)
    assert answer["since"] == answer["until"] == timezone.localdate().isoformat()
    assert answer["top"][0]["count"] == 6  # today's afvalkalender only
    call_command("search_report", "--json", "--days", "60")
    assert {"query": "oud nieuws", "lang": "nl", "count": 9} in json.loads(capsys.readouterr().out)["no_results"]


def test_the_command_prints_readable_tables(log, capsys):
    call_command("search_report", "--days", "7")
    out = capsys.readouterr().out
    assert "Gezocht maar niets gevonden (3)" in out
    assert "xqzvwj" in out and "alle talen" in out
    assert "telefoonnummer 2" in out


@pytest.mark.parametrize("option", ["--days", "--limit"])
def test_the_command_refuses_numbers_below_one(db, option):
    with pytest.raises(CommandError, match=option):
        call_command("search_report", option, "0")
