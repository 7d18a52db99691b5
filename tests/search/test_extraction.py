"""What the index holds of each page type, and which pages it may hold at all."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.core.models import Theme, Wijk
from cms.pressroom.models import PressReleasePage
from cms.projects.models import ProjectPhase
from cms.themes.models import ThemePage
from search.extraction import documents_for_pages, indexable_pages, page_document
from search.page_sync import pages_sync
from tests.cms.conftest import HIDDEN_MARK, hide_three_ways
from tests.search.conftest import add_page, found

pytestmark = pytest.mark.django_db


def document(page):
    return page_document(page.specific)


def test_a_theme_page_gives_title_intro_body_themes_wijken_type_url_and_language(tree):
    page = tree.theme_page
    page.body = [
        ("heading", {"text": "Wat haalt IVAGO op?", "level": 2}),
        ("faq", {"items": [{"question": "Moet ik thuis zijn?", "answer": "<p>Nee, zet alles buiten.</p>"}]}),
    ]
    page.wijken.add(Wijk.objects.get(slug="ledeberg"))
    page.save_revision().publish()
    doc = document(page)
    assert (doc.id, doc.title, doc.intro, doc.language) == (str(page.pk), "Grofvuil", "Zo raakt u grofvuil kwijt.", "nl")
    assert doc.body == ("Wat haalt IVAGO op?", "Moet ik thuis zijn? Nee, zet alles buiten.")
    assert doc.themes == ("afval",) and doc.wijken == ("ledeberg",)
    assert doc.page_type == "themes.ThemePage"
    assert doc.url == "/nl/themas/grofvuil/"
    assert doc.date is None  # information pages carry no date to filter on


def test_every_page_type_has_its_type_url_and_dates(tree):
    docs = {name: document(getattr(tree, name)) for name in vars(tree)}
    assert {name: doc.page_type for name, doc in docs.items()} == {
        "home": "core.HomePage",
        "theme_index": "themes.ThemeIndexPage",
        "theme_page": "themes.ThemePage",
        "wijk_index": "neighbourhoods.WijkIndexPage",
        "wijk_page": "neighbourhoods.WijkPage",
        "magazine": "neighbourhoods.NeighbourhoodMagazine",
        "edition": "neighbourhoods.MagazineEdition",
        "article": "neighbourhoods.MagazineArticle",
        "press_room": "pressroom.PressRoomPage",
        "release": "pressroom.PressReleasePage",
        "project_index": "projects.ProjectIndexPage",
        "project": "projects.ProjectPage",
        "event_index": "events.EventIndexPage",
        "event": "events.EventPage",
    }
    assert all(doc.url.startswith("/nl/") and doc.language == "nl" for doc in docs.values())
    assert docs["release"].date == datetime.date(2026, 3, 2)
    assert docs["edition"].date == datetime.date(2026, 3, 1)
    assert docs["article"].date == datetime.date(2026, 3, 1)  # the edition it appeared in
    assert docs["event"].date == timezone.localdate(tree.event.start)
    # Wijk pages, their magazines and editions, and events are about their wijk.
    assert {docs[name].wijken for name in ("wijk_page", "magazine", "edition", "event")} == {("ledeberg",)}


def test_a_multi_day_event_and_a_phased_project_span_their_days(tree):
    event = tree.event
    event.end = event.start + datetime.timedelta(days=2)
    event.location_name, event.address = "Het Gravensteen", "Sint-Veerleplein 11"
    event.save_revision().publish()
    doc = document(event)
    assert doc.end_date == timezone.localdate(event.end)
    assert "Het Gravensteen. Sint-Veerleplein 11." in doc.body

    project = tree.project
    project.phases = [
        ProjectPhase(title="Ontwerp", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 6, 30), description="Plannen tekenen."),
        ProjectPhase(title="Werken", start=datetime.date(2026, 2, 1), end=datetime.date(2027, 3, 31)),
    ]
    project.save_revision().publish()
    doc = document(project)
    assert (doc.date, doc.end_date) == (datetime.date(2025, 1, 1), datetime.date(2027, 3, 31))
    assert "Ontwerp. Plannen tekenen." in doc.body


def test_a_translation_is_its_own_document_in_its_language(tree, locales):
    english = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    english.title, english.intro = "Bulky waste", "How to get rid of bulky waste."
    english.save_revision().publish()
    doc = document(english)
    assert (doc.language, doc.title) == ("en", "Bulky waste")
    assert doc.url.startswith("/en/")
    assert doc.themes == ("afval",)  # tagged with the same (source) theme slugs
    assert doc.id != document(tree.theme_page).id


def test_drafts_embargoed_restricted_and_expired_pages_are_not_indexable(tree):
    draft = add_page(tree.theme_index, ThemePage, title="Nog niet klaar", publish=False)
    embargoed = PressReleasePage(
        title="Onder embargo", slug="onder-embargo", live=False, embargo_until=timezone.now() + datetime.timedelta(days=2)
    )
    tree.press_room.add_child(instance=embargoed)
    embargoed.save_revision().publish()  # scheduled: stays offline until the embargo ends
    private = add_page(tree.theme_index, ThemePage, title="Voor medewerkers")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    expired = add_page(tree.theme_index, ThemePage, title="Verlopen")
    ThemePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    ids = set(indexable_pages().values_list("pk", flat=True))
    assert tree.theme_page.pk in ids
    assert not ids & {draft.pk, embargoed.pk, private.pk, expired.pk}
    assert set(documents_for_pages([tree.theme_page.pk, draft.pk, private.pk])) == {tree.theme_page.pk}


def test_pages_below_a_restricted_section_are_not_indexable(tree):
    PageViewRestriction.objects.create(page=tree.wijk_index, restriction_type=PageViewRestriction.LOGIN)
    ids = set(indexable_pages().values_list("pk", flat=True))
    assert not ids & {tree.wijk_index.pk, tree.wijk_page.pk, tree.article.pk}
    assert tree.theme_page.pk in ids


def test_only_source_locale_themes_are_used_even_if_a_translated_theme_exists(tree, locales):
    Theme.objects.get(slug="afval", locale=locales.nl).copy_for_translation(locales.en).save()
    assert document(tree.theme_page).themes == ("afval",)


def test_pages_under_an_unpublished_section_past_expiry_or_restricted_leave_the_index(
    tree, index, django_capture_on_commit_callbacks
):
    """Indexed while public, then hidden: publishing's own sync takes them out (an unpublished
    section takes its subtree with it), and nothing hidden is indexable again."""
    with django_capture_on_commit_callbacks(execute=True):
        pages = hide_three_ways(tree)
    ids = set(indexable_pages().values_list("pk", flat=True))
    assert {page.pk for page in pages.siblings} <= ids
    assert not ids & {page.pk for page in pages.hidden}
    assert set(documents_for_pages([page.pk for page in pages.hidden])) == set()
    # An expiry passing sends no signal (the scheduled-publishing command's unpublish does): sync as it would.
    pages_sync(page_ids=[page.pk for page in pages.expired])
    assert found(index, HIDDEN_MARK) == {}
    assert set(found(index, "buurtfeest")) == {str(tree.event.pk)}


def test_a_section_published_again_brings_its_live_pages_back(tree, index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tree.project_index.unpublish()
    assert found(index, "dampoort") == {}
    with django_capture_on_commit_callbacks(execute=True):
        tree.project_index.save_revision().publish()
    assert set(found(index, "dampoort")) == {str(tree.project.pk)}


def test_a_page_no_site_serves_is_not_indexable(tree):
    stray = add_page(tree.home.get_parent(), ThemePage, title="Zwerfpagina")
    assert stray.get_url_parts() is None
    assert stray.pk not in set(indexable_pages().values_list("pk", flat=True))
    assert page_document(stray) is None
