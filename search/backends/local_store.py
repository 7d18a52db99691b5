"""Database side of the local backend: generations, document rows, and the snapshot cache.

Every write replaces a generation's `revision`; readers compare it with the revision of
their cached snapshot (one small query per search) and rebuild the snapshot only when it
moved. That keeps web and worker processes consistent without any message between them.
"""

from __future__ import annotations

import threading
import uuid

import numpy as np
from django.db import IntegrityError, transaction

from ..models import LocalIndexedDocument, LocalIndexGeneration
from ..preparation import PreparedDocument
from .local_snapshot import LocalSnapshot, SnapshotRow

_snapshots: dict[tuple[int, uuid.UUID], LocalSnapshot] = {}
_lock = threading.Lock()


def live_generation(index_name: str, *, create: bool = False) -> LocalIndexGeneration | None:
    generation = LocalIndexGeneration.objects.filter(index_name=index_name, is_live=True).first()
    if generation is None and create:
        try:
            with transaction.atomic():
                generation = LocalIndexGeneration.objects.create(index_name=index_name, is_live=True)
        except IntegrityError:  # another process created it first
            generation = LocalIndexGeneration.objects.get(index_name=index_name, is_live=True)
    return generation


def _touch(generation: LocalIndexGeneration) -> None:
    LocalIndexGeneration.objects.filter(pk=generation.pk).update(revision=uuid.uuid4())


def write_documents(generation: LocalIndexGeneration, documents: list[PreparedDocument]) -> None:
    rows = [
        LocalIndexedDocument(
            generation=generation,
            doc_id=prepared.document.id,
            data={**prepared.document.to_dict(), "passages": prepared.passages, "suggest": prepared.suggest},
            terms=prepared.terms,
            vectors=np.ascontiguousarray(prepared.vectors, dtype=np.float32).tobytes(),
        )
        for prepared in documents
    ]
    with transaction.atomic():
        LocalIndexedDocument.objects.filter(generation=generation, doc_id__in=[row.doc_id for row in rows]).delete()
        LocalIndexedDocument.objects.bulk_create(rows, batch_size=200)
        _touch(generation)


def delete_documents(generation: LocalIndexGeneration, ids: list[str]) -> None:
    with transaction.atomic():
        LocalIndexedDocument.objects.filter(generation=generation, doc_id__in=ids).delete()
        _touch(generation)


def begin_rebuild(index_name: str) -> LocalIndexGeneration:
    return LocalIndexGeneration.objects.create(index_name=index_name, is_live=False)


def finish_rebuild(generation: LocalIndexGeneration) -> None:
    """The alias swap: in one transaction the new generation goes live and the old ones go."""
    with transaction.atomic():
        old = LocalIndexGeneration.objects.select_for_update().filter(index_name=generation.index_name).exclude(
            pk=generation.pk
        )
        old_ids = list(old.values_list("pk", flat=True))
        LocalIndexGeneration.objects.filter(pk__in=old_ids).update(is_live=False)
        LocalIndexGeneration.objects.filter(pk=generation.pk).update(is_live=True, revision=uuid.uuid4())
        LocalIndexGeneration.objects.filter(pk__in=old_ids).delete()


def abort_rebuild(generation: LocalIndexGeneration) -> None:
    LocalIndexGeneration.objects.filter(pk=generation.pk, is_live=False).delete()


def snapshot(index_name: str, dimensions: int) -> LocalSnapshot:
    """The in-memory snapshot of the live generation, rebuilt only when its revision changed."""
    current = LocalIndexGeneration.objects.filter(index_name=index_name, is_live=True).values("pk", "revision").first()
    if current is None:
        return LocalSnapshot([], dimensions)
    key = (current["pk"], current["revision"])
    cached = _snapshots.get(key)
    if cached is not None:
        return cached
    with _lock:
        if key not in _snapshots:
            rows = [
                SnapshotRow(data, terms, vectors)
                for data, terms, vectors in LocalIndexedDocument.objects.filter(generation_id=current["pk"]).values_list(
                    "data", "terms", "vectors"
                )
            ]
            for stale in [k for k in _snapshots if k[0] == current["pk"]]:
                del _snapshots[stale]
            _snapshots[key] = LocalSnapshot(rows, dimensions)
        return _snapshots[key]
