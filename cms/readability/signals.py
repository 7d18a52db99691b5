"""Publishing a page queues its score; unpublishing or deleting it forgets the score.

The task is queued by name after the commit (cms.work.enqueue), so the worker reads the
revision that was published, and a rolled-back publish queues nothing. Editing the
glossary tells every process to read it again (glossary_store.py).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from cms.readability.glossary_store import glossary_changed
from cms.readability.models import GlossaryEntry
from cms.readability.services import page_readability_forget
from cms.work.enqueue import enqueue

PAGE_SCORE = "readability.page_score"  # cms/readability/tasks.py
QUEUE = "bulk"


def on_page_published(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: enqueue(PAGE_SCORE, page_id, queue=QUEUE))


def on_page_unpublished(sender, instance, **kwargs):
    page_readability_forget(page_id=instance.pk)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="readability.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="readability.page_unpublished")
    post_save.connect(glossary_changed, sender=GlossaryEntry, dispatch_uid="readability.glossary_saved")
    post_delete.connect(glossary_changed, sender=GlossaryEntry, dispatch_uid="readability.glossary_deleted")
