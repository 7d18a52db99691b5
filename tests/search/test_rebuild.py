"""A full rebuild: every public page, swapped in at once, with nothing embedded twice."""

import pytest

from cms.themes.models import ThemePage
from search.documents import SearchDocument
from search.models import PendingIndexUpdate
from search.rebuild import search_index_rebuild
from tests.search.conftest import add_page, found

pytestmark = pytest.mark.django_db


class Progress:
    """Stands in for tqdm; runs `during` once, while the rebuild reads the pages."""

    def __init__(self, during=None):
        self.total, self.n, self.during = 0, 0, during

    def update(self, n=1):
        self.n += n
        if self.during and self.n == 2:
            self.during()


def test_a_second_rebuild_of_unchanged_pages_embeds_nothing(tree, index):
    first = search_index_rebuild()
    second = search_index_rebuild()
    # 14 pages of the tree; Wagtail's welcome page is live too, but no site serves it: not indexable.
    assert (first.pages, first.documents) == (second.pages, second.documents) == (14, 14)
    assert second.embedded == 0 and second.cached == second.passages > 0
    assert index.count() == 14


def test_the_rebuild_reports_progress_per_page_and_drops_what_is_no_longer_public(tree, index):
    index.index_documents([SearchDocument(id="999999", language="nl", title="Een verdwenen pagina", url="/nl/weg/")])
    progress = Progress()
    search_index_rebuild(progress=progress)
    assert progress.total == progress.n == 14
    assert found(index, "verdwenen") == {}


def test_search_keeps_answering_during_a_rebuild_and_catches_up_with_pages_published_meanwhile(tree, index):
    answers, published = [], []

    def meanwhile():
        answers.append(found(index, "grofvuil"))  # the old index still answers
        published.append(add_page(tree.theme_index, ThemePage, title="Repair cafés", intro="Herstellen in de buurt."))

    report = search_index_rebuild(progress=Progress(during=meanwhile))
    assert answers == [{str(tree.theme_page.pk): "/nl/themas/grofvuil/"}]
    assert str(published[0].pk) in found(index, "herstellen")
    assert report.caught_up.indexed == 1
    assert not PendingIndexUpdate.objects.filter(applied_at__isnull=True).exists()
