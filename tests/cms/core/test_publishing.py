"""The page kernel: the visibility rule's two forms agree on every case, and a page's public
address is the one Wagtail routes it by."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from cms.core.answer_scope import one_answer
from cms.core.models import HomePage
from cms.core.publishing import (
    is_public,
    is_reachable,
    public_pages,
    public_path,
    public_q,
    public_url,
    site_path,
)
from cms.pressroom.models import PressReleasePage
from cms.themes.models import ThemeIndexPage, ThemePage
from tests.cms.conftest import add_page

HOUR = datetime.timedelta(hours=1)


def restricted(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="Stadsdiensten"))
    return page


@pytest.fixture
def cases(tree):
    """One page per way of being (un)published, by name."""
    c = {"root": Page.get_first_root_node(), "home": tree.home, "public": tree.theme_page}
    c["draft"] = add_page(tree.theme_index, ThemePage, title="Concept", publish=False)
    scheduled = PressReleasePage(title="Embargo", slug="embargo", live=False, date=datetime.date(2026, 3, 4),
                                 embargo_until=timezone.now() + 2 * HOUR)
    tree.press_room.add_child(instance=scheduled)
    scheduled.save_revision().publish()
    c["scheduled"] = scheduled
    c["expires_later"] = add_page(tree.theme_index, ThemePage, title="Tijdelijk", expire_at=timezone.now() + HOUR)
    c["expired"] = add_page(tree.theme_index, ThemePage, title="Verlopen")
    Page.objects.filter(pk=c["expired"].pk).update(expire_at=timezone.now() - HOUR)
    c["restricted_login"] = restricted(add_page(tree.theme_index, ThemePage, title="Intern"), PageViewRestriction.LOGIN)
    c["restricted_password"] = restricted(
        add_page(tree.theme_index, ThemePage, title="Wachtwoord"), PageViewRestriction.PASSWORD, password="geheim"
    )
    c["restricted_groups"] = restricted(
        add_page(tree.theme_index, ThemePage, title="Diensten"), PageViewRestriction.GROUPS
    )
    c["under_restricted"] = add_page(c["restricted_login"], ThemePage, title="Intern detail")
    c["unpublished_leaf"] = tree.event
    tree.event.unpublish()
    c["unpublished_section"], c["under_unpublished"] = tree.project_index, tree.project
    tree.project_index.unpublish()
    c["expired_section"], c["under_expired"], c["deep_under_expired"] = tree.wijk_index, tree.wijk_page, tree.article
    Page.objects.filter(pk=tree.wijk_index.pk).update(expire_at=timezone.now() - HOUR)
    return c


PUBLIC = {"root", "home", "public", "expires_later"}
#: Hidden by their own state only: public again once published (or republished) where they stand.
OWN_STATE = {"draft", "scheduled", "expired", "unpublished_leaf", "unpublished_section", "expired_section"}


def fresh(page):
    return Page.objects.get(pk=page.pk)


def test_the_predicate_and_the_queryset_agree_on_every_page(cases):
    listed = set(public_pages().values_list("pk", flat=True))
    assert {name for name, page in cases.items() if page.pk in listed} == PUBLIC
    for page in Page.objects.all():
        assert is_public(page) == (page.pk in listed), page.url_path


def test_a_page_models_queryset_keeps_the_rule(cases):
    themes = set(public_pages(ThemePage).values_list("pk", flat=True))
    assert themes == {cases["public"].pk, cases["expires_later"].pk}


def test_the_predicate_reads_the_stored_state_in_one_query(cases, django_assert_num_queries):
    stale = cases["public"]
    Page.objects.filter(pk=stale.pk).update(live=False)  # the instance still says live
    for name, page in cases.items():
        with django_assert_num_queries(1):
            assert is_public(page) == (name in PUBLIC - {"public"}), name


def test_reachable_is_public_but_for_the_pages_own_live_and_expiry(cases, tree):
    assert {name for name, page in cases.items() if is_reachable(fresh(page))} == PUBLIC | OWN_STATE
    # Where a moved page stood: below a public section, or below an unpublished one.
    assert is_reachable(fresh(tree.project), parent=tree.theme_index)
    assert not is_reachable(fresh(tree.theme_page), parent=tree.project_index)


def test_a_deleted_page_is_neither_public_nor_reachable(tree):
    page = add_page(tree.theme_index, ThemePage, title="Weg")
    Page.objects.filter(pk=page.pk).delete()
    assert not is_public(page) and not is_reachable(page)


def test_hidden_subtrees_are_asked_once_per_answer(cases, django_assert_num_queries):
    with django_assert_num_queries(2):
        public_q(), public_q()
    with one_answer(), django_assert_num_queries(1):
        public_q(), public_q()


# --- address ------------------------------------------------------------------------------
def test_the_public_path_and_what_is_derived_from_it(tree):
    assert public_path(tree.theme_page.url_path) == "nl/themas/grofvuil"
    assert site_path(tree.theme_page.url_path) == "/nl/themas/grofvuil/"
    assert public_url(tree.theme_page.url_path) == "http://localhost/nl/themas/grofvuil/"
    assert (public_path(tree.home.url_path), site_path(tree.home.url_path)) == ("nl", "/nl/")
    root = Page.get_first_root_node()
    stray = add_page(root, ThemePage, title="Zwerfpagina")  # below no site's home
    for page in (root, stray):
        assert public_path(page.url_path) is site_path(page.url_path) is public_url(page.url_path) is None


def test_a_non_ascii_slug_is_percent_encoded_in_the_site_path_only(tree):
    cafe = add_page(tree.theme_index, ThemePage, title="Café", slug="café-één")
    assert public_path(cafe.url_path) == "nl/themas/café-één"
    assert site_path(cafe.url_path) == "/nl/themas/caf%C3%A9-%C3%A9%C3%A9n/"


def test_an_older_url_path_gives_the_address_the_page_had(tree):
    """What `page.moved` announces as `old_path`: the address before the move."""
    old = tree.theme_page.url_path
    tree.theme_page.move(add_page(tree.home, ThemeIndexPage, title="Info"), pos="last-child")
    assert site_path(old) == "/nl/themas/grofvuil/"
    assert site_path(fresh(tree.theme_page).url_path) == "/nl/info/grofvuil/"


def test_addresses_are_the_ones_wagtail_routes_every_page_by(tree, locales):
    """Translations (below the translated home), several sites, a non-ASCII slug, a page no
    site serves: the kernel's address is Wagtail's `get_url_parts()` for each."""
    english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    english.save_revision().publish()
    add_page(tree.theme_index, ThemePage, title="Café", slug="café-één")
    root = Page.get_first_root_node()
    other_home = add_page(root, HomePage, title="Wijkwerking", slug="wijkwerking")
    Site.objects.create(hostname="wijkwerking.example", port=443, root_page=other_home)
    add_page(other_home, ThemeIndexPage, title="Info")
    add_page(root, ThemePage, title="Zwerfpagina")
    for page in Page.objects.all():
        parts = page.get_url_parts()
        assert site_path(page.url_path) == (parts[2] if parts else None), page.url_path
        assert public_url(page.url_path) == page.get_full_url(), page.url_path
    assert public_url("/wijkwerking/info/") == "https://wijkwerking.example/nl/info/"
    assert public_path("/stad-gent-en/themas/grofvuil/") == "en/themas/grofvuil"


def test_the_content_api_addresses_only_the_pages_of_the_requests_site(tree):
    other_home = add_page(Page.get_first_root_node(), HomePage, title="Wijkwerking", slug="wijkwerking")
    other = Site.objects.create(hostname="wijkwerking.example", root_page=other_home)
    default = Site.objects.get(is_default_site=True)
    assert public_path(tree.theme_page.url_path, site=default) == "nl/themas/grofvuil"
    assert public_path(other_home.url_path, site=default) is None
    assert public_path(other_home.url_path, site=other) == "nl"
