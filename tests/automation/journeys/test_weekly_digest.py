"""The demo's weekly wijk digest: this week's pages for the wijk and all of Ghent, once per subscriber per week."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from wagtail.models import Page

from automation.journeys.demo_digest import demo_digests_install
from automation.journeys.models import Journey, ScheduleRun
from automation.journeys.news import page_summary
from automation.journeys.schedules import period_start
from automation.journeys.triggers import journeys_run_schedules
from automation.messages.models import Message
from cms.core.models import Wijk
from cms.pressroom.models import PressReleasePage
from tests.automation.journeys.test_triggers import press_room, subscriber  # noqa: F401 (fixture)
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")
MONDAY_0805 = datetime.datetime(2026, 11, 30, 8, 5, tzinfo=BRUSSELS)


def page(parent, title, *, wijk=None, published):
    release = add_page(parent, PressReleasePage, title=title, date=published.date())
    if wijk is not None:
        release.wijken.add(wijk)
        release.save_revision().publish()
    Page.objects.filter(pk=release.pk).update(first_published_at=published)
    return release


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_at(now):
        with django_capture_on_commit_callbacks(execute=True):
            return journeys_run_schedules(now=now)

    return run_at


def test_the_period_starts_at_the_last_scheduled_moment():
    assert period_start("0 8 * * 1", now=MONDAY_0805) == datetime.datetime(2026, 11, 30, 8, 0, tzinfo=BRUSSELS)
    sunday = datetime.datetime(2026, 12, 6, 23, 0, tzinfo=BRUSSELS)
    assert period_start("0 8 * * 1", now=sunday) == datetime.datetime(2026, 11, 30, 8, 0, tzinfo=BRUSSELS)
    before = datetime.datetime(2026, 11, 30, 7, 59, tzinfo=BRUSSELS)
    assert period_start("0 8 * * 1", now=before) == datetime.datetime(2026, 11, 23, 8, 0, tzinfo=BRUSSELS)
    assert period_start("30 6 * * *", now=MONDAY_0805) == datetime.datetime(2026, 11, 30, 6, 30, tzinfo=BRUSSELS)
    assert period_start("0 8 1 * *", now=MONDAY_0805) is None  # not understood: never runs


def test_every_wijk_gets_one_digest_journey_for_newsletters(rabot):
    assert demo_digests_install() == Wijk.objects.count()
    assert demo_digests_install() == 0
    journey = Journey.objects.get(slug="wijkdigest-rabot-blaisantvest")
    assert journey.purpose == "newsletter" and journey.status == "active"
    trigger = journey.live_version.triggers.get()
    assert trigger.schedule == "0 8 * * 1" and trigger.wijk == rabot and trigger.subscription_kind == "wijk_news"


def test_subscribers_get_the_weeks_pages_once_even_when_beat_fires_twice(rabot, press_room, run):  # noqa: F811
    ledeberg = Wijk.objects.get(slug="ledeberg")
    demo_digests_install()
    subscriber("an", wijk=rabot)
    subscriber("claire", wijk=rabot, language="fr")
    subscriber("old", wijk=rabot, status="ended")
    last_week = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=BRUSSELS)
    page(press_room, "Fietsstraat Rabot", wijk=rabot, published=last_week)
    page(press_room, "Nieuwe bib voor heel Gent", published=last_week)
    page(press_room, "Ledeberg feest", wijk=ledeberg, published=last_week)
    page(press_room, "Oud nieuws Rabot", wijk=rabot, published=last_week - datetime.timedelta(days=14))
    run(MONDAY_0805)
    run(MONDAY_0805)  # beat fired twice
    run(MONDAY_0805 + datetime.timedelta(hours=3))  # later in the same week
    to_rabot = sorted(m.to[0] for m in mail.outbox if "Rabot" in m.subject)
    assert to_rabot == ["an@example.be", "claire@example.be"]
    an = next(m for m in mail.outbox if m.to == ["an@example.be"])
    assert an.subject == "Nieuw in Rabot - Blaisantvest deze week"
    assert "Fietsstraat Rabot" in an.body and "Nieuwe bib voor heel Gent" in an.body
    assert "Ledeberg feest" not in an.body and "Oud nieuws" not in an.body
    claire = next(m for m in mail.outbox if m.to == ["claire@example.be"])
    assert claire.subject.startswith("Du nouveau à Rabot")
    assert set(Message.objects.filter(journey__slug="wijkdigest-rabot-blaisantvest").values_list("purpose", flat=True)) == {
        "newsletter"
    }


def test_nothing_new_sends_nothing_and_next_week_sends_again(rabot, press_room, run):  # noqa: F811
    demo_digests_install()
    subscriber("an", wijk=rabot)
    run(MONDAY_0805)
    assert mail.outbox == []
    assert ScheduleRun.objects.filter(trigger__version__journey__slug="wijkdigest-rabot-blaisantvest").get().enrolled == 0
    page(press_room, "Fietsstraat Rabot", wijk=rabot, published=MONDAY_0805 + datetime.timedelta(days=2))
    run(MONDAY_0805 + datetime.timedelta(days=7))
    assert [m.to for m in mail.outbox] == [["an@example.be"]]


def test_the_minutely_beat_task_runs_each_schedule_once_per_period(rabot, django_capture_on_commit_callbacks):
    from automation.journeys.tasks import wake_enrolments

    journeys = demo_digests_install()
    with django_capture_on_commit_callbacks(execute=True):
        wake_enrolments.apply()
        wake_enrolments.apply()  # beat fired again within the period
    assert ScheduleRun.objects.count() == journeys
    assert set(ScheduleRun.objects.values_list("detail", flat=True)) == {"niets nieuws: niets verstuurd"}


def test_a_page_published_just_after_midnight_in_ghent_carries_that_days_date(press_room):  # noqa: F811
    release = page(press_room, "Nachtelijk nieuws", published=MONDAY_0805)
    after_midnight_in_ghent = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.timezone.utc)  # 00:30 on the 7th
    Page.objects.filter(pk=release.pk).update(last_published_at=after_midnight_in_ghent)
    release.refresh_from_db()
    assert page_summary(release, language="nl")["date"] == "2026-12-07"
