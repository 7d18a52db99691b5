"""Retention: raw rows go after SEARCH_LOG_RETENTION_DAYS (counted first), daily counts after their own period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from search.querylog.models import SearchClick, SearchDay, SearchEvent, SearchPageDay, WithheldDay
from search.querylog.retention import search_log_purge

from .factories import opened, searched

pytestmark = pytest.mark.django_db


@override_settings(SEARCH_LOG_RETENTION_DAYS=30, SEARCH_LOG_DAILY_RETENTION_DAYS=400)
def test_raw_rows_past_retention_are_deleted_after_being_counted():
    today = timezone.localdate()
    old, kept = today - timedelta(days=31), today - timedelta(days=30)
    searched("oud", day=old, times=2)
    opened("oud", 3, day=old)
    searched("recent", day=kept)

    purged = search_log_purge(today=today)

    assert purged.folded_searches == 3 and purged.folded_clicks == 1 and purged.raw_rows == 3
    assert list(SearchEvent.objects.values_list("query", flat=True)) == ["recent"]
    assert not SearchClick.objects.exists()
    assert SearchDay.objects.get(query="oud", day=old).searches == 2  # the count stays
    assert SearchPageDay.objects.get(query="oud").clicks == 1


@override_settings(SEARCH_LOG_DAILY_RETENTION_DAYS=400)
def test_daily_counts_past_their_retention_are_deleted():
    today = timezone.localdate()
    for day in (today - timedelta(days=401), today - timedelta(days=400)):
        SearchDay.objects.create(day=day, query="kerstmarkt", language="nl", searches=1)
        SearchPageDay.objects.create(day=day, query="kerstmarkt", language="nl", page_id=1, clicks=1)
        WithheldDay.objects.create(day=day, kind="email", searches=1)
    purged = search_log_purge(today=today)
    assert purged.daily_rows == 3
    assert set(SearchDay.objects.values_list("day", flat=True)) == {today - timedelta(days=400)}
    assert SearchPageDay.objects.count() == 1 and WithheldDay.objects.count() == 1


def test_the_command_purges_with_its_own_period(capsys):
    today = timezone.localdate()
    searched("vijf dagen oud", day=today - timedelta(days=5))
    searched("vandaag")
    call_command("search_log_purge", "--days", "3")
    assert list(SearchEvent.objects.values_list("query", flat=True)) == ["vandaag"]
    assert "folded 2 search(es)" in capsys.readouterr().out


def test_the_command_refuses_a_period_below_one_day():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--days"):
        call_command("search_log_purge", "--days", "0")


def test_the_beat_tasks_are_scheduled_and_registered():
    from django.conf import settings

    from cms.work.enqueue import registered_task

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"search.querylog.fold", "search.querylog.purge"} <= scheduled
    searched("taak", day=timezone.localdate() - timedelta(days=400))
    assert registered_task("search.querylog.purge").apply().get()["raw_rows"] == 1
