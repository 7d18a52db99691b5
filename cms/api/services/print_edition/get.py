"""`GET /api/content/<edition path>/@print`: the edition's finished PDFs, to download.

One item per variant whose PDF is ready (print, accessible, large-print), with its URL,
size in bytes, pages and whether an article was published again since it was made; the
citizen site shows "Download als PDF" with the size. Only magazine editions have print
versions: any other page answers an empty list, as an edition without a PDF yet does.
"""

from __future__ import annotations

from cms.api.addresses import content_url
from cms.neighbourhoods.models import EditionPrint, MagazineEdition, PrintStatus
from cms.neighbourhoods.print.variants import PrintVariant

SCHEMA = {
    "type": "object",
    "properties": {
        "@id": {"type": "string", "format": "uri"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "variant": {"type": "string", "enum": list(PrintVariant.values)},
                    "title": {"type": "string", "description": "What the variant is for, in Dutch."},
                    "url": {"type": "string", "format": "uri"},
                    "content_type": {"type": "string", "const": "application/pdf"},
                    "size": {"type": "integer", "description": "Bytes."},
                    "pages": {"type": "integer"},
                    "out_of_date": {"type": "boolean", "description": "An article was published again since."},
                    "made_at": {"type": ["string", "null"], "format": "date-time"},
                },
                "required": ["variant", "title", "url", "content_type", "size", "pages", "out_of_date", "made_at"],
            },
        },
    },
    "required": ["@id", "items"],
}


def _prints(located):
    if not isinstance(located.page.specific_deferred, MagazineEdition):
        return EditionPrint.objects.none()
    return (
        EditionPrint.objects.filter(edition_id=located.page.pk, status=PrintStatus.READY, document__isnull=False)
        .select_related("document")
        .order_by("variant")
    )


def fingerprint(request, located, params) -> list:
    return [list(_prints(located).values_list("pk", "variant", "document_id", "out_of_date", "finished_at"))]


def get(request, located, params) -> dict:
    items = [
        {
            "variant": row.variant,
            "title": PrintVariant(row.variant).label,
            "url": request.build_absolute_uri(row.document.url),
            "content_type": "application/pdf",
            "size": row.size,
            "pages": row.pages,
            "out_of_date": row.out_of_date,
            "made_at": row.finished_at,
        }
        for row in _prints(located)
    ]
    return {"@id": content_url(request, located.public_path, "/@print"), "items": items}
