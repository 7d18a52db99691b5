"""Database tables of the search app: the vector cache and the local backend's index.

Both live in the default database on purpose. The vector cache must outlive any one index
(a rebuild re-embeds nothing that did not change), and the local index is written in the
same transaction machinery as the pages it describes, is rolled back with them in tests,
and needs no second file to back up. On PostgreSQL the same tables work unchanged, which
lets a staging site without Elasticsearch still use the local backend.
"""

from __future__ import annotations

import uuid

from django.db import models


class CachedEmbedding(models.Model):
    """One passage vector, keyed by the embedder that made it and the sha256 of the text embedded."""

    embedder = models.CharField(max_length=100)
    text_sha256 = models.CharField(max_length=64)
    dimensions = models.PositiveSmallIntegerField()
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["embedder", "text_sha256"], name="search_embedding_unique_text"),
        ]

    def __str__(self):
        return f"{self.embedder}:{self.text_sha256[:12]}"


class LocalIndexGeneration(models.Model):
    """One build of a local index. Searches read the live generation of an index name.

    A rebuild fills a new generation while searches keep reading the old one, then flips
    `is_live` in one transaction: the local equivalent of an Elasticsearch alias swap.
    `revision` changes on every write so each process knows when its in-memory copy is
    stale (a random value, not a counter: ids and counters repeat after a rollback).
    """

    index_name = models.CharField(max_length=100)
    is_live = models.BooleanField(default=False)
    revision = models.UUIDField(default=uuid.uuid4)
    #: Name of the embedder whose vectors this generation holds; queries must use the same.
    embedder = models.CharField(max_length=100, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["index_name"], condition=models.Q(is_live=True), name="search_one_live_generation"
            ),
        ]

    def __str__(self):
        return f"{self.index_name}#{self.pk}{' (live)' if self.is_live else ''}"


class LocalIndexedDocument(models.Model):
    """A SearchDocument as the local backend stores it: fields, analysed terms, passage vectors."""

    generation = models.ForeignKey(LocalIndexGeneration, on_delete=models.CASCADE, related_name="documents")
    doc_id = models.CharField(max_length=255)
    #: SearchDocument.to_dict() plus "passages".
    data = models.JSONField()
    #: Analysed terms per keyword field: {"title": [...], "intro": [...], "body": [...]}.
    terms = models.JSONField()
    #: float32 passage vectors, row-major, one row per passage.
    vectors = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["generation", "doc_id"], name="search_local_document_unique"),
        ]

    def __str__(self):
        return self.doc_id


class PendingIndexUpdate(models.Model):
    """A page whose index entry must be brought in line with the page: kept until that is done.

    Written in the same transaction as the publish, unpublish, move or delete that caused
    it (persist first, then queue the id), so neither a lost task nor an unreachable
    Elasticsearch loses an update: the sync task marks rows applied only after the
    backend accepted them, and the periodic task retries the rest. One row per page and
    action; asking again refreshes `requested_at` and makes the row pending again.
    """

    class Action(models.TextChoices):
        INDEX = "index", "index"  # published, moved, or its URL changed
        DELETE = "delete", "delete"  # unpublished or deleted

    #: Not a foreign key: the page may be gone (that is what a delete row is for).
    page_id = models.BigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    requested_at = models.DateTimeField()
    applied_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page_id", "action"], name="search_pending_update_unique"),
        ]
        indexes = [models.Index(fields=["applied_at", "requested_at"], name="search_pending_open")]

    def __str__(self):
        return f"{self.action} page {self.page_id}{'' if self.applied_at else ' (pending)'}"
