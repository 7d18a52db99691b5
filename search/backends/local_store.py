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
from .base import EmbedderMismatch
from .local_snapshot import LocalSnapshot, SnapshotRow

#: index name -> ((generation pk, revision), snapshot): one snapshot per index and process.
_snapshots: dict[str, tuple[tuple[int, uuid.UUID], LocalSnapshot]] = {}
_lock = threading.Lock()


def _check_embedder(generation: LocalIndexGeneration | None, embedder: str) -> None:
    if generation is not None and generation.embedder and generation.embedder != embedder:
        raise EmbedderMismatch(generation.index_name, generation.embedder, embedder)


def live_generation(index_name: str, embedder: str, *, create: bool = False) -> LocalIndexGeneration | None:
    """The live generation of `index_name` (created if asked), refusing one built by another embedder."""
    generation = LocalIndexGeneration.objects.filter(index_name=index_name, is_live=True).first()
    if generation is None and create:
        try:
            with transaction.atomic():
                generation = LocalIndexGeneration.objects.create(index_name=index_name, is_live=True, embedder=embedder)
        except IntegrityError:  # another process created it first
            generation = LocalIndexGeneration.objects.get(index_name=index_name, is_live=True)
    _check_embedder(generation, embedder)
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


def begin_rebuild(index_name: str, embedder: str) -> LocalIndexGeneration:
    return LocalIndexGeneration.objects.create(index_name=index_name, is_live=False, embedder=embedder)


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


def snapshot(index_name: str, embedder: str, dimensions: int) -> LocalSnapshot:
    """The in-memory snapshot of the live generation, rebuilt only when its revision changed."""
    current = (
        LocalIndexGeneration.objects.filter(index_name=index_name, is_live=True)
        .values("pk", "revision", "embedder")
        .first()
    )
    if current is None:
        return LocalSnapshot([], dimensions)
    if current["embedder"] and current["embedder"] != embedder:
        raise EmbedderMismatch(index_name, current["embedder"], embedder)
    key = (current["pk"], current["revision"])
    cached = _snapshots.get(index_name)
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        cached = _snapshots.get(index_name)
        if cached is None or cached[0] != key:
            rows = [
                SnapshotRow(data, terms, vectors)
                for data, terms, vectors in LocalIndexedDocument.objects.filter(generation_id=current["pk"]).values_list(
                    "data", "terms", "vectors"
                )
            ]
            cached = _snapshots[index_name] = (key, LocalSnapshot(rows, dimensions))
        return cached[1]
