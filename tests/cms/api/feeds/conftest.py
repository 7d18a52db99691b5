"""Pages that must never leak, one per way of being unpublished, tagged so every feed would list them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.core.models import Theme, Wijk
from cms.events.models import EventPage
from cms.neighbourhoods.models import MagazineArticle
from cms.pressroom.models import PressReleasePage
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

HIDDEN_STATES = ("draft", "scheduled", "expired", "restricted")


def add_hidden(parent, model, state: str, **fields):
    """A page of `model` under `parent` that is `state`, tagged afval + ledeberg where it can be."""
    fields.setdefault("slug", f"{state}-{model.__name__.lower()}")
    page = model(live=False, **fields)
    if state == "scheduled":
        page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    parent.add_child(instance=page)
    if hasattr(page, "themes"):
        page.themes.add(Theme.objects.get(slug="afval", locale__language_code="nl"))
    if hasattr(page, "wijken"):
        page.wijken.add(Wijk.objects.get(slug="ledeberg"))
    page.save()
    revision = page.save_revision()
    if state != "draft":
        revision.publish()
    page.refresh_from_db()
    if state == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(hours=1)
        page.save(update_fields=["expire_at"])
    if state == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture(params=HIDDEN_STATES)
def hidden_state(request):
    return request.param


@pytest.fixture
def hidden_pages(tree, hidden_state):
    """A press release, article, event and theme page, all `hidden_state`, titled 'Geheim ...'."""
    soon = timezone.now() + datetime.timedelta(days=3)
    ledeberg = Wijk.objects.get(slug="ledeberg")
    return [
        add_hidden(tree.press_room, PressReleasePage, hidden_state, title="Geheim persbericht",
                   date=datetime.date(2026, 3, 5)),
        add_hidden(tree.edition, MagazineArticle, hidden_state, title="Geheim artikel"),
        add_hidden(tree.event_index, EventPage, hidden_state, title="Geheim feest", start=soon, wijk=ledeberg),
        add_hidden(tree.theme_index, ThemePage, hidden_state, title="Geheime info"),
    ]
