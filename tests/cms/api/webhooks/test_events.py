"""Which page changes front ends hear of, as the page kernel decides: a publish only of a page
the public can see now; an unpublish, move or deletion only of a page that was reachable
(no view restriction on it, every section above it public)."""

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.api.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.pressroom.models import PressReleasePage, PressRoomPage
from tests.cms.conftest import add_page


@pytest.fixture
def announced(db):
    """The events recorded for an active endpoint, as (event, page id, path, old path)."""
    WebhookEndpoint.objects.create(name="Stadswebsite", url="http://127.0.0.1:9/revalidate", secret="s")

    def events():
        bodies = [json.loads(body) for body in WebhookDelivery.objects.order_by("pk").values_list("body", flat=True)]
        return [(b["event"], b["page_id"], b["path"], b.get("old_path")) for b in bodies]

    return events


@pytest.fixture
def archived(tree):
    """A live release in an unpublished press section."""
    section = add_page(tree.home, PressRoomPage, title="Archief", slug="archief")
    release = add_page(section, PressReleasePage, title="Oud bericht", date=datetime.date(2026, 1, 2))
    section.unpublish()
    return release


def test_a_page_published_under_an_unpublished_section_or_past_its_expiry_is_not_announced(tree, archived, announced):
    archived.save_revision().publish()
    expired = add_page(tree.press_room, PressReleasePage, title="Verlopen", publish=False,
                       date=datetime.date(2026, 1, 3), expire_at=timezone.now() - datetime.timedelta(hours=1))
    expired.save_revision().publish()
    assert announced() == []
    tree.release.save_revision().publish()
    assert announced() == [("page.published", tree.release.pk, "/nl/pers/nieuwe-fietsstraten/", None)]


def test_an_unreachable_page_published_unpublished_moved_or_deleted_is_not_announced(tree, archived, announced):
    other = add_page(tree.home, PressRoomPage, title="Ander archief", slug="ander-archief", publish=False)
    archived.move(other, pos="last-child")  # from one hidden section to another
    private = add_page(tree.press_room, PressReleasePage, title="Intern", publish=False, date=datetime.date(2026, 1, 4))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private.save_revision().publish()
    private.unpublish()
    private.save_revision().publish()
    private.delete()
    Page.objects.get(pk=archived.pk).delete()
    assert announced() == []


def test_an_expired_page_unpublished_is_announced_front_ends_may_still_show_it(tree, announced):
    """An expiry takes a page off the API without any signal; the scheduled unpublish that
    follows is the first a front end hears of it."""
    tree.release.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    tree.release.save(update_fields=["expire_at"])
    tree.release.unpublish(set_expired=True)
    assert announced() == [("page.unpublished", tree.release.pk, "/nl/pers/nieuwe-fietsstraten/", None)]


def test_a_move_between_a_hidden_and_a_public_section_is_announced_both_ways(tree, archived, announced):
    archived.move(tree.press_room, pos="last-child")
    Page.objects.get(pk=archived.pk).move(Page.objects.get(slug="archief"), pos="last-child")
    assert announced() == [
        ("page.moved", archived.pk, "/nl/pers/oud-bericht/", "/nl/archief/oud-bericht/"),
        ("page.moved", archived.pk, "/nl/archief/oud-bericht/", "/nl/pers/oud-bericht/"),
    ]
