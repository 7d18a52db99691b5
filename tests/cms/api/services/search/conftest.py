"""The shared page tree, indexed in the default (local) search backend with the hashing embedder."""

import pytest
from wagtail.models import Page

from search.backends import get_backend
from search.extraction import documents_for_pages


@pytest.fixture
def index(db):
    backend = get_backend("default")
    yield backend
    backend.clear()


@pytest.fixture
def indexed(tree, index):
    index.index_documents(documents_for_pages(Page.objects.values_list("pk", flat=True)).values())
    return tree
