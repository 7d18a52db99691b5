"""Fixtures for the content hub: locales and a small page tree with one page of each type."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.core.models import HomePage, Theme, Wijk
from cms.events.models import EventIndexPage, EventPage
from cms.neighbourhoods.models import (
    MagazineArticle,
    MagazineEdition,
    NeighbourhoodMagazine,
    WijkIndexPage,
    WijkPage,
)
from cms.pressroom.models import PressReleasePage, PressRoomPage
from cms.projects.models import ProjectIndexPage, ProjectPage
from cms.themes.models import ThemeIndexPage, ThemePage


def add_page(parent, model, *, publish=True, **fields):
    """Create a page under `parent` the way the admin does: a revision, then publish."""
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    page = model(live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def locales(db):
    return SimpleNamespace(
        nl=Locale.objects.get(language_code="nl"),
        en=Locale.objects.get_or_create(language_code="en")[0],
        fr=Locale.objects.get_or_create(language_code="fr")[0],
    )


@pytest.fixture
def home(locales):
    root = Page.get_first_root_node()
    home = add_page(root, HomePage, title="Stad Gent", slug="stad-gent", intro="Welkom bij Stad Gent.")
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


@pytest.fixture
def tree(home):
    """One live page of every type, wired as the seed wires them."""
    afval = Theme.objects.get(slug="afval", locale__language_code="nl")
    ledeberg = Wijk.objects.get(slug="ledeberg")
    t = SimpleNamespace(home=home)
    t.theme_index = add_page(home, ThemeIndexPage, title="Thema's", slug="themas")
    t.theme_page = add_page(
        t.theme_index, ThemePage, title="Grofvuil", intro="Zo raakt u grofvuil kwijt.", audience="inwoners"
    )
    t.theme_page.themes.add(afval)
    t.theme_page.save_revision().publish()
    t.wijk_index = add_page(home, WijkIndexPage, title="Wijken", slug="wijken")
    t.wijk_page = add_page(t.wijk_index, WijkPage, title="Ledeberg", wijk=ledeberg, intro="Alles over Ledeberg.")
    t.magazine = add_page(t.wijk_page, NeighbourhoodMagazine, title="Wijkkrant Ledeberg", wijk=ledeberg)
    t.edition = add_page(t.magazine, MagazineEdition, title="Editie 1", number=1, date=datetime.date(2026, 3, 1))
    t.article = add_page(t.edition, MagazineArticle, title="Nieuw speelplein", intro="Het speelplein is open.")
    t.press_room = add_page(home, PressRoomPage, title="Persruimte", slug="pers")
    t.release = add_page(t.press_room, PressReleasePage, title="Nieuwe fietsstraten", date=datetime.date(2026, 3, 2))
    t.project_index = add_page(home, ProjectIndexPage, title="Projecten", slug="projecten")
    t.project = add_page(t.project_index, ProjectPage, title="Heraanleg Dampoort", programme="Stadsvernieuwing")
    t.event_index = add_page(home, EventIndexPage, title="Activiteiten", slug="activiteiten")
    start = timezone.now() + datetime.timedelta(days=10)
    t.event = add_page(
        t.event_index,
        EventPage,
        title="Buurtfeest Ledeberg",
        start=start,
        end=start + datetime.timedelta(hours=4),
        wijk=ledeberg,
    )
    return t


HIDDEN_MARK = "Verborgen"


def hide_three_ways(tree) -> SimpleNamespace:
    """Beside the tree's public press release and event (the siblings), the same two kinds
    hidden in the three ways the public must never see: live under an unpublished section,
    past their expiry, behind a view restriction. Every page is tagged (theme afval, wijk
    Ledeberg), fresh and upcoming, so every list, feed, screen, index and digest would show
    it if the rule failed; every hidden title starts with HIDDEN_MARK and shares a word with
    its sibling's ("fietsstraten", "buurtfeest"), so a search for the sibling would find it."""
    afval = Theme.objects.get(slug="afval", locale__language_code="nl")
    ledeberg = Wijk.objects.get(slug="ledeberg")
    soon = timezone.now() + datetime.timedelta(days=3)

    def tagged(page):
        page.themes.add(afval)
        if hasattr(page, "wijken"):
            page.wijken.add(ledeberg)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def pair(press_room, event_index, how: str) -> list:
        return [
            tagged(add_page(press_room, PressReleasePage, title=f"{HIDDEN_MARK} fietsstraten {how}",
                            date=datetime.date(2026, 3, 6))),
            tagged(add_page(event_index, EventPage, title=f"{HIDDEN_MARK} buurtfeest {how}", start=soon,
                            wijk=ledeberg)),
        ]

    pages = SimpleNamespace(siblings=[tagged(tree.release), tagged(tree.event)])
    archive = add_page(tree.home, PressRoomPage, title="Archief", slug="archief")
    past_events = add_page(tree.home, EventIndexPage, title="Voorbij", slug="voorbij")
    pages.under_unpublished = pair(archive, past_events, "in archief")
    archive.unpublish()
    past_events.unpublish()
    pages.expired = pair(tree.press_room, tree.event_index, "verlopen")
    for page in pages.expired:
        page.expire_at = timezone.now() - datetime.timedelta(hours=1)
        page.save(update_fields=["expire_at"])
    pages.restricted = pair(tree.press_room, tree.event_index, "intern")
    for page in pages.restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    pages.hidden = pages.under_unpublished + pages.expired + pages.restricted
    return pages
