"""The print versions of an edition: one stored PDF per variant, and how far its making is.

A row per (edition, variant), not fields on the page: a page's fields travel in its
revisions, and publishing an older revision would bring back an older PDF. The PDF
itself is a Wagtail document (so editors find it in Documenten and the content API
serves it like any download); `status` and `progress` follow the background task
the admin queues; `out_of_date` is set when an article of the edition is published
after the PDF was made (signals.py), and cleared by the next run.
"""

from __future__ import annotations

from django.db import models

from cms.neighbourhoods.print.variants import PrintVariant


class PrintStatus(models.TextChoices):
    QUEUED = "queued", "In de wachtrij"
    RENDERING = "rendering", "Wordt gemaakt"
    READY = "ready", "Klaar"
    FAILED = "failed", "Mislukt"


class EditionPrint(models.Model):
    edition = models.ForeignKey(
        "neighbourhoods.MagazineEdition", verbose_name="editie", on_delete=models.CASCADE, related_name="prints"
    )
    variant = models.CharField("variant", max_length=20, choices=PrintVariant.choices)
    status = models.CharField("status", max_length=20, choices=PrintStatus.choices, default=PrintStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="PDF", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pages = models.PositiveIntegerField("pagina's", default=0)
    articles = models.PositiveIntegerField("artikels", default=0)
    out_of_date = models.BooleanField("verouderd", default=False)
    error = models.TextField("fout", blank=True)
    requested_at = models.DateTimeField("aangevraagd", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)

    class Meta:
        verbose_name = "drukversie"
        verbose_name_plural = "drukversies"
        constraints = [models.UniqueConstraint(fields=["edition", "variant"], name="one_print_per_edition_variant")]

    def __str__(self):
        return f"{self.edition_id} {self.variant} ({self.status})"

    @property
    def size(self) -> int:
        """The PDF's size in bytes, 0 without a PDF."""
        return (self.document.file_size or 0) if self.document_id else 0
