"""Publishing a Wagtail page makes it findable through the real Elasticsearch backend.

The whole path: the publish signal records the pending update in PostgreSQL, the commit
queues `search.sync_pages` (run in-process here: the Celery round trip itself is tested
in tests/integration/test_services.py), and the task writes to a throwaway alias.
"""

import os
import uuid

import pytest

from cms import celery_app
from cms.themes.models import ThemeIndexPage, ThemePage
from search.backends import get_backend
from search.models import PendingIndexUpdate
from search.query import SearchQuery
from tests.cms.conftest import add_page, home, locales  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture
def es_default(settings):
    alias = f"test-pages-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
            "URL": os.environ["ELASTICSEARCH_URL"],
            "INDEX": alias,
            "REFRESH": True,
        }
    }
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    backend = get_backend("default")
    yield backend
    celery_app.conf.task_always_eager = eager
    backend.clear()
    backend.client.close()


def test_a_published_page_is_found_through_elasticsearch(home, es_default, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        section = add_page(home, ThemeIndexPage, title="Thema's", slug="themas")
        page = add_page(section, ThemePage, title="Bewonerskaart", intro="Een bewonerskaart om in uw straat te parkeren.")
    assert es_default.kind == "elasticsearch"
    results = es_default.search(SearchQuery("bewonerskaarten", mode="keyword"))
    assert [(hit.id, hit.url) for hit in results.hits] == [(str(page.pk), "/nl/themas/bewonerskaart/")]
    assert not PendingIndexUpdate.objects.filter(applied_at__isnull=True).exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert es_default.search(SearchQuery("bewonerskaart", mode="keyword")).hits == []
