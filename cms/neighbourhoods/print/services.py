"""Making a print version: asked for in the admin, made by a task, stored as a Wagtail document.

`edition_print_request` records the wish (a row per edition and variant, `queued`) and
queues the task by name after the transaction commits; asking again while one is queued
or running queues nothing more. `edition_print_make` is what the task runs: it claims
the row (`queued` -> `rendering`, compare-and-set, so a duplicated task does nothing),
renders with progress written to the row, stores the PDF as a document (replacing the
previous one) and clears `out_of_date`. `edition_print_file` is the command's way: the
same rendering, written to a file.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model

from cms.neighbourhoods.models import EditionPrint, MagazineEdition, PrintStatus
from cms.neighbourhoods.print.render import RenderedEdition, edition_pdf_render
from cms.neighbourhoods.print.variants import PrintVariant
from cms.work.claims import compare_and_set
from cms.work.enqueue import enqueue

logger = logging.getLogger(__name__)

MAKE_PRINT = "neighbourhoods.print_edition"
BUSY = (PrintStatus.QUEUED, PrintStatus.RENDERING)
STUCK_AFTER = timedelta(minutes=30)  # rendering writes progress at least once per article


def edition_print_request(*, edition: MagazineEdition, variant: str) -> EditionPrint:
    """Queue the making of `variant` for `edition`; the row shows its progress in the admin."""
    variant = PrintVariant(variant)
    with transaction.atomic():
        row, created = EditionPrint.objects.select_for_update().get_or_create(
            edition=edition, variant=variant, defaults={"status": PrintStatus.QUEUED}
        )
        if not created and row.status in BUSY:
            return row
        if not created:
            row.status, row.progress, row.error = PrintStatus.QUEUED, 0, ""
            row.save(update_fields=["status", "progress", "error", "updated_at"])
        transaction.on_commit(lambda: enqueue(MAKE_PRINT, row.pk))
    return row


def edition_print_make(*, print_id: int) -> bool:
    """Render and store one queued print version; False when another worker has it or it is gone."""
    if not compare_and_set(EditionPrint, pk=print_id, from_status=PrintStatus.QUEUED, to_status=PrintStatus.RENDERING,
                           progress=0):
        return False
    row = EditionPrint.objects.select_related("edition").get(pk=print_id)

    def progress(done: int, total: int) -> None:
        # Below 100 until the document is stored: "klaar" means downloadable.
        EditionPrint.objects.filter(pk=print_id).update(
            progress=min(99, int(100 * done / max(total, 1))), updated_at=timezone.now()
        )

    try:
        rendered = edition_pdf_render(edition=row.edition, variant=row.variant, progress=progress)
    except Exception as error:
        logger.exception("Print version %s of edition %s failed", row.variant, row.edition_id)
        compare_and_set(EditionPrint, pk=print_id, from_status=PrintStatus.RENDERING, to_status=PrintStatus.FAILED,
                        error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now())
        return False
    edition_print_store(row=row, rendered=rendered)
    return True


def edition_print_store(*, row: EditionPrint, rendered: RenderedEdition) -> EditionPrint:
    """Store the PDF as a Wagtail document linked from `row` (the previous one is deleted)."""
    Document = get_document_model()
    edition = row.edition
    label = PrintVariant(row.variant).label
    name = f"{slugify(edition.get_parent().title)}-{edition.number}-{row.variant}.pdf"
    with transaction.atomic():
        old = row.document
        document = Document(title=f"{edition.get_parent().title} {edition.number} – {label}")
        document.file.save(name, ContentFile(rendered.pdf), save=False)
        document.file_size = len(rendered.pdf)
        document.save()
        row.document = document
        row.status, row.progress, row.error = PrintStatus.READY, 100, ""
        row.pages, row.articles, row.out_of_date = rendered.pages, rendered.articles, False
        row.finished_at = timezone.now()
        row.save()
        if old is not None:
            old.delete()
    return row


def edition_prints_sweep(*, limit: int = 100) -> int:
    """Queue again print versions stuck `queued` or `rendering` (a lost task or worker); returns how many."""
    now = timezone.now()
    stuck = EditionPrint.objects.filter(
        status__in=BUSY, updated_at__lt=now - STUCK_AFTER
    ).values_list("pk", "status")[:limit]
    queued = 0
    for pk, status in stuck:
        if status == PrintStatus.QUEUED or compare_and_set(
            EditionPrint, pk=pk, from_status=PrintStatus.RENDERING, to_status=PrintStatus.QUEUED, progress=0
        ):
            enqueue(MAKE_PRINT, pk)
            queued += 1
    return queued


def edition_print_file(*, edition: MagazineEdition, variant: str, output: Path, progress=None, store: bool = False):
    """Render `variant` of `edition` into `output` (written whole or not at all); optionally store it too."""
    rendered = edition_pdf_render(edition=edition, variant=variant, progress=progress)
    output = Path(output)
    part = output.with_name(output.name + ".part")
    part.write_bytes(rendered.pdf)
    part.replace(output)
    if store:
        row, _ = EditionPrint.objects.get_or_create(edition=edition, variant=PrintVariant(variant))
        edition_print_store(row=row, rendered=rendered)
    return rendered
