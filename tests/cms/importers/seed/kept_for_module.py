"""The small demo seed made once for a whole test module, each test rolled back inside it.

Seeding the small fixtures takes about twenty seconds (most of it the demo experiment's
300 simulated applicants going through the real event path), and most seed tests only
read what it made. A module-scoped fixture opens a transaction, seeds, and yields; each
test of the module runs in a savepoint inside it (pytest-django's `db`), so what a test
changes is undone before the next, and the whole seed is rolled back after the module.
Tests that must start from an empty database live in a module of their own.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import TestCase, override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import GroupPagePermission, Page, Revision, Workflow

from cms.core.models import PressContact, Theme
from cms.importers.seed.run import seed_demo

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "seed_small"


@contextmanager
def small_seed_kept(django_db_blocker, *, run_commit_hooks: bool = False, **settings):
    """Seed the small fixtures (with `settings` overridden); yields the seed's report, rolls all back on exit.

    `run_commit_hooks`: run what the seed left for after its commit (the search index's
    tasks), as a real commit would; the transaction itself is never committed.
    """
    with django_db_blocker.unblock(), tempfile.TemporaryDirectory() as media:
        with override_settings(MEDIA_ROOT=Path(media) / "media", **settings), transaction.atomic():
            with TestCase.captureOnCommitCallbacks(execute=run_commit_hooks):
                report = seed_demo(data_dir=FIXTURES)
            yield report
            transaction.set_rollback(True)


def counts() -> dict[str, int]:
    """How many of each thing the seed makes are in the database (to compare before and after a seed)."""
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        "press contacts": PressContact.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
    }
