"""The index follows the editors: publish, unpublish, delete, move, restrict, and survive an outage.

Each test commits through `django_capture_on_commit_callbacks(execute=True)`, as a real
request would, so the sync task runs (eagerly, no broker in tests) after the commit.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.pressroom.models import PressReleasePage
from cms.themes.models import ThemePage
from search import tasks
from search.backends.local import LocalBackend
from search.models import PendingIndexUpdate
from tests.cms.work.recording import record_enqueued
from tests.search.conftest import add_page, found

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sent(monkeypatch):
    """The page id lists of every search.sync_pages task queued, with its queue (the tasks still run)."""
    return record_enqueued(monkeypatch, "search.sync_pages", run=True)


def queued(sent) -> list[tuple[list[int], str]]:
    return [(sorted(call.args[0]), call.queue) for call in sent]


def publish_new(tree, commit, title, intro, parent=None):
    with commit():
        return add_page(parent or tree.theme_index, ThemePage, title=title, intro=intro)


def open_rows():
    return PendingIndexUpdate.objects.filter(applied_at__isnull=True)


def test_a_published_page_is_found_at_its_url(tree, index, commit, sent):
    page = publish_new(tree, commit, "Fietsherstelplaatsen", "Gratis fietsherstelplaatsen in elke wijk.")
    assert found(index, "fietsherstelplaatsen") == {str(page.pk): "/nl/themas/fietsherstelplaatsen/"}
    assert queued(sent) == [([page.pk], "search")]  # ids only, on the search queue
    assert not open_rows().exists()


def test_one_transaction_queues_one_task_with_all_its_pages(tree, index, commit, sent):
    with commit(), transaction.atomic():
        first = add_page(tree.theme_index, ThemePage, title="Zwemmen", intro="Zwembaden van de sportdienst.")
        second = add_page(tree.theme_index, ThemePage, title="Schaatsen", intro="De ijsbaan van de sportdienst.")
    assert queued(sent) == [(sorted([first.pk, second.pk]), "search")]
    assert set(found(index, "sportdienst")) == {str(first.pk), str(second.pk)}


def test_an_edit_is_found_after_publishing_it(tree, index, commit):
    page = publish_new(tree, commit, "Zwemmen", "Zwembaden in Gent.")
    page.intro = "Het Van Eyckzwembad is open."
    with commit():
        page.save_revision().publish()
    assert str(page.pk) in found(index, "Van Eyckzwembad")
    assert found(index, "zwembaden") == {}


def test_an_unpublished_page_is_gone(tree, index, commit):
    page = publish_new(tree, commit, "Bibliotheek De Krook", "Boeken lenen in De Krook.")
    with commit():
        page.unpublish()
    assert found(index, "krook") == {}


def test_a_deleted_page_and_its_subpages_are_gone(tree, index, commit):
    chapter = publish_new(tree, commit, "Parkeren", "Parkeren in Gent.")
    section = publish_new(tree, commit, "Parkeren voor bewoners", "De bewonerskaart.", parent=chapter)
    assert set(found(index, "parkeren")) == {str(chapter.pk), str(section.pk)}
    with commit():
        ThemePage.objects.get(pk=chapter.pk).delete()
    assert found(index, "parkeren") == {}


def test_a_draft_is_never_indexed(tree, index, commit):
    with commit():
        add_page(tree.theme_index, ThemePage, title="Conceptpagina geheim", publish=False)
    assert found(index, "geheim") == {}


def test_an_embargoed_release_is_indexed_only_when_it_goes_live(tree, index, commit, monkeypatch):
    embargo = timezone.now() + datetime.timedelta(days=1)
    release = PressReleasePage(title="Nieuw stadhuis", slug="nieuw-stadhuis", live=False, embargo_until=embargo)
    with commit():
        tree.press_room.add_child(instance=release)
        release.save_revision().publish()
    assert found(index, "stadhuis") == {}
    later = embargo + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with commit():
        call_command("publish_scheduled")  # the scheduler, once the embargo has passed
    assert str(release.pk) in found(index, "stadhuis")


def test_view_restricted_pages_are_never_indexed_and_restricting_removes_them(tree, index, commit):
    public = publish_new(tree, commit, "Dienstverlening", "Loketten van de stad.")
    with commit():
        restriction = PageViewRestriction.objects.create(page=tree.theme_index, restriction_type=PageViewRestriction.LOGIN)
    assert found(index, "loketten") == {}
    publish_new(tree, commit, "Intranet loketten", "Alleen voor medewerkers.")
    assert found(index, "medewerkers") == {}
    with commit():
        restriction.delete()
    assert set(found(index, "loketten")) == {str(public.pk), *found(index, "medewerkers")}


def test_a_move_reindexes_the_subtree_at_its_new_urls(tree, index, commit):
    chapter = publish_new(tree, commit, "Mobiliteit", "Alles over mobiliteit.")
    section = publish_new(tree, commit, "Deelfietsen", "Deelfietsen in Gent.", parent=chapter)
    new_home = publish_new(tree, commit, "Vervoer", "Vervoer in Gent.")
    with commit():
        ThemePage.objects.get(pk=chapter.pk).move(new_home, pos="last-child")
    assert found(index, "deelfietsen") == {str(section.pk): "/nl/themas/vervoer/mobiliteit/deelfietsen/"}


def test_a_changed_slug_updates_the_urls_below_it(tree, index, commit):
    section = publish_new(tree, commit, "Petanquebanen", "Petanquebanen in Gent.")
    theme_index = tree.theme_index
    theme_index.slug = "onderwerpen"
    with commit():
        theme_index.save_revision().publish()
    assert found(index, "petanquebanen") == {str(section.pk): "/nl/onderwerpen/petanquebanen/"}


def test_updates_made_while_the_backend_is_down_are_kept_and_applied_later(tree, index, commit, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Connection refused")

    with monkeypatch.context() as outage:
        outage.setattr(LocalBackend, "_write", refuse)
        outage.setattr(LocalBackend, "_delete", refuse)
        page = publish_new(tree, commit, "Afvalkalender", "De ophaalkalender per straat.")  # publishing still works
        with commit():
            tree.theme_page.unpublish()
        rows = list(open_rows().filter(page_id__in=[page.pk, tree.theme_page.pk]))
        assert {(row.page_id, row.action) for row in rows} == {(page.pk, "index"), (tree.theme_page.pk, "delete")}
        assert all(row.attempts == 1 and "Connection refused" in row.last_error for row in rows)
        assert found(index, "ophaalkalender") == {}
        tasks.apply_pending_updates()  # still down: still pending, tried once more
        assert open_rows().get(page_id=page.pk).attempts == 2

    tasks.apply_pending_updates()  # the backend is back
    assert str(page.pk) in found(index, "ophaalkalender")
    assert not open_rows().filter(page_id__in=[page.pk, tree.theme_page.pk]).exists()


def test_pages_whose_task_was_lost_are_applied_by_the_periodic_task(tree, index):
    page = add_page(tree.theme_index, ThemePage, title="Fietsherstelplaatsen", intro="In elke wijk.")
    # Committed without running the commit callbacks: as if the queued task was lost.
    assert found(index, "fietsherstelplaatsen") == {}
    tasks.apply_pending_updates()
    assert found(index, "fietsherstelplaatsen") == {}  # a fresh row is left to its own task for a while
    PendingIndexUpdate.objects.update(requested_at=timezone.now() - datetime.timedelta(minutes=5))
    tasks.apply_pending_updates()
    assert set(found(index, "fietsherstelplaatsen")) == {str(page.pk)}
    assert not open_rows().exists()


def test_a_request_made_while_a_sync_ran_stays_pending(tree, index, commit, monkeypatch):
    page = publish_new(tree, commit, "Markten", "De Vrijdagmarkt.")
    from search import page_sync

    original = page_sync.documents_for_pages

    def publish_meanwhile(page_ids):
        documents = original(page_ids)
        PendingIndexUpdate.objects.filter(page_id=page.pk).update(
            requested_at=timezone.now() + datetime.timedelta(seconds=1), applied_at=None
        )
        return documents

    monkeypatch.setattr(page_sync, "documents_for_pages", publish_meanwhile)
    page_sync.pages_sync(page_ids=[page.pk])
    assert open_rows().filter(page_id=page.pk).exists()  # the next run will read the newer page
