"""Fixtures for the content API: the shared page tree plus a draft, an embargoed, an
expired and a view-restricted page, each placed where a leak would show."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.pressroom.models import PressReleasePage
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def hidden(tree):
    """One page per way of being unpublished, all next to public ones."""
    pages = {}
    pages["draft"] = add_page(tree.press_room, PressReleasePage, title="Concept bericht", publish=False,
                              date=datetime.date(2026, 3, 3))
    embargo = timezone.now() + datetime.timedelta(days=2)
    release = PressReleasePage(title="Embargo bericht", slug="embargo-bericht", live=False, embargo_until=embargo,
                               date=datetime.date(2026, 3, 4))
    tree.press_room.add_child(instance=release)
    release.save_revision().publish()  # scheduled: stays offline until the embargo ends
    release.refresh_from_db()
    pages["scheduled"] = release
    expired = add_page(tree.theme_index, ThemePage, title="Verlopen info")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])
    pages["expired"] = expired
    restricted = add_page(tree.theme_index, ThemePage, title="Intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    pages["restricted"] = restricted
    pages["under_restricted"] = add_page(restricted, ThemePage, title="Intern detail")
    return pages
