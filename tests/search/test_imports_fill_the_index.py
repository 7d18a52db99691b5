"""The demo seed and the policy-note import leave the search index filled, through the
publish signals alone: one task per import, drafts and embargoed releases left out."""

from pathlib import Path

import pytest

from cms.importers.policy_note.importer import policy_note_import
from search.backends import get_backend
from search.extraction import indexable_pages
from search.query import SearchQuery
from tests.cms.importers.seed.kept_for_module import small_seed_kept
from tests.search.conftest import found

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "cms" / "importers" / "fixtures"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The small seed with its commit hooks run, once for the module; each test is rolled back inside it."""
    backend = get_backend("default")
    with small_seed_kept(django_db_blocker, run_commit_hooks=True):
        yield backend
        backend.clear()


def test_the_seed_indexes_every_public_page_of_every_type_and_language(seeded):
    reachable = [page for page in indexable_pages().specific() if page.get_url_parts()]
    assert seeded.count() == len(reachable) > 0
    results = seeded.search(SearchQuery("gent", mode="vector", page_size=1))
    types = {facet.value for facet in results.facets["type"]}
    assert {
        "themes.ThemePage",
        "neighbourhoods.WijkPage",
        "neighbourhoods.MagazineArticle",
        "pressroom.PressReleasePage",
        "projects.ProjectPage",
        "events.EventPage",
    } <= types
    assert {facet.value for facet in results.facets["language"]} == {"nl", "en", "fr"}


def test_the_seed_leaves_drafts_and_embargoed_releases_out(seeded):
    from cms.pressroom.models import PressReleasePage

    offline = PressReleasePage.objects.filter(live=False)
    assert offline.exists()
    assert not set(map(str, offline.values_list("pk", flat=True))) & set(found(seeded, "persbericht"))
    stored = seeded.load([str(pk) for pk in offline.values_list("pk", flat=True)])
    assert stored == {}


def test_the_policy_note_import_indexes_its_pages(seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sections = policy_note_import(path=FIXTURES / "policy_note" / "short_note.txt")
    stored = seeded.load([str(section.page_id) for section in sections])
    assert len(stored) == len(sections)
    assert {document.document.url for document in stored.values()} == {section.url for section in sections}
