"""Where each page type may live: editors only see "add page" choices that make sense."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.core.models import HomePage
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

ALLOWED_CHILDREN = {
    HomePage: {ThemeIndexPage, WijkIndexPage, PressRoomPage, ProjectIndexPage, EventIndexPage},
    ThemeIndexPage: {ThemePage},
    ThemePage: {ThemePage},  # sub-pages, e.g. a policy note chapter and its subsections
    WijkIndexPage: {WijkPage, NeighbourhoodMagazine},
    WijkPage: {NeighbourhoodMagazine},
    NeighbourhoodMagazine: {MagazineEdition},
    MagazineEdition: {MagazineArticle},
    MagazineArticle: set(),
    PressRoomPage: {PressReleasePage},
    PressReleasePage: set(),
    ProjectIndexPage: {ProjectPage},
    ProjectPage: set(),
    EventIndexPage: {EventPage},
    EventPage: set(),
}


@pytest.mark.parametrize("parent", list(ALLOWED_CHILDREN), ids=lambda model: model.__name__)
def test_each_page_type_allows_exactly_its_children(parent):
    assert set(parent.allowed_subpage_models()) == ALLOWED_CHILDREN[parent]


def test_home_page_sits_at_the_root_only():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_a_theme_page_cannot_be_added_under_the_press_room(tree):
    assert not ThemePage.can_create_at(tree.press_room)
    assert ThemePage.can_create_at(tree.theme_index)


def test_a_second_press_room_is_refused_under_the_same_home(tree):
    assert not PressRoomPage.can_create_at(tree.home)
    assert ThemeIndexPage.can_create_at(tree.home)  # sections of theme pages may be several


def test_every_page_type_has_a_template_that_exists():
    from django.template.loader import get_template

    for model in ALLOWED_CHILDREN:
        get_template(model.template)


PAGE_NAMES = [
    "home", "theme_index", "theme_page", "wijk_index", "wijk_page", "magazine", "edition", "article",
    "press_room", "release", "project_index", "project", "event_index", "event",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_type_opens_in_the_admin_editor(admin_client, tree, name):
    page = getattr(tree, name)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    assert page.title.replace("'", "&#x27;") in response.content.decode()
