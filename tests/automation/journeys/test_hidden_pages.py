"""Journeys name only pages the public can see now (issue 11): a page under an unpublished
section, past its expiry or behind a view restriction is mailed by no page-published
trigger and listed in no digest, while a public page beside it is."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from automation.journeys.demo_digest import demo_digests_install
from automation.journeys.triggers import journeys_page_published
from cms.pressroom.models import PressReleasePage, PressRoomPage
from tests.automation.journeys.test_triggers import journey_on, press_room, subscriber  # noqa: F401 (fixture)
from tests.automation.journeys.test_weekly_digest import MONDAY_0805, page, run  # noqa: F401 (fixture)
from tests.cms.conftest import add_page

pytestmark = pytest.mark.django_db
HIDDEN = "Verborgen"


@pytest.fixture
def archive(press_room):  # noqa: F811
    """A second press section, unpublished: a live release left in it is not public."""
    section = add_page(press_room.get_parent(), PressRoomPage, title="Archief", slug="archief")
    section.unpublish()
    return section


def test_a_page_published_under_an_unpublished_section_past_its_expiry_or_restricted_mails_nobody(
    rabot, press_room, archive, django_capture_on_commit_callbacks  # noqa: F811
):
    journey_on(("page_published", {"wijk": "rabot-blaisantvest", "theme": "", "start_step": ""}))
    subscriber("an", wijk=rabot)
    expired = {"expire_at": timezone.now() - datetime.timedelta(hours=1)}
    for parent, how, fields in [(archive, "archief", {}), (press_room, "verlopen", expired), (press_room, "intern", {})]:
        with django_capture_on_commit_callbacks(execute=True):
            release = add_page(parent, PressReleasePage, title=f"{HIDDEN} {how}", publish=False,
                               date=datetime.date(2026, 11, 30), **fields)
            if how == "intern":
                PageViewRestriction.objects.create(page=release, restriction_type=PageViewRestriction.LOGIN)
            release.wijken.add(rabot)
            release.save_revision().publish()
        assert Page.objects.get(pk=release.pk).live
        assert journeys_page_published(page_id=release.pk) == []  # nor when asked again, directly
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        public = add_page(press_room, PressReleasePage, title="Zichtbaar", publish=False,
                          date=datetime.date(2026, 11, 30))
        public.wijken.add(rabot)
        public.save_revision().publish()
    assert [m.subject for m in mail.outbox] == ["Nieuw: Zichtbaar"]


def test_a_wijk_digest_lists_only_the_public_pages_of_the_week(rabot, press_room, archive, run):  # noqa: F811
    demo_digests_install()
    subscriber("an", wijk=rabot)
    last_week = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC)
    page(press_room, "Fietsstraat Rabot", wijk=rabot, published=last_week)
    page(archive, f"{HIDDEN} in het archief", wijk=rabot, published=last_week)
    expired = page(press_room, f"{HIDDEN} verlopen", wijk=rabot, published=last_week)
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    restricted = page(press_room, f"{HIDDEN} intern", wijk=rabot, published=last_week)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    run(MONDAY_0805)
    [digest] = mail.outbox
    assert "Fietsstraat Rabot" in digest.body
    assert HIDDEN not in digest.body
