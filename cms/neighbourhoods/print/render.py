"""HTML to PDF for an edition, with progress for the admin and the command.

The work has three visible steps: gathering the articles (one step each), laying out
the pages, writing the PDF. `progress(done, total)` is called after each, so the admin's
progress bar and the command's tqdm bar move as the edition is built.
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.neighbourhoods.print.content import edition_sheet
from cms.neighbourhoods.print.layout import edition_html
from cms.neighbourhoods.print.variants import PrintVariant, variant_spec


@dataclass(frozen=True)
class RenderedEdition:
    pdf: bytes
    pages: int
    articles: int
    variant: str


def edition_pdf_render(*, edition, variant: str, progress=None) -> RenderedEdition:
    """The edition as a PDF in `variant` (see variants.py)."""
    from weasyprint import HTML  # imported on use: heavy, and only printing needs it

    spec = variant_spec(variant)
    total = [len(edition.articles()) + 2]

    def report(done: int) -> None:
        if progress:
            progress(done, total[0])

    def on_article(done: int, count: int) -> None:
        total[0] = count + 2
        report(done)

    sheet = edition_sheet(edition, on_article=on_article)
    document = HTML(string=edition_html(sheet, spec)).render(pdf_tags=spec.tagged)
    report(total[0] - 1)
    options = {"pdf_variant": spec.pdf_variant} if spec.pdf_variant else {}
    pdf = document.write_pdf(**options, pdf_tags=spec.tagged)
    report(total[0])
    return RenderedEdition(pdf=pdf, pages=len(document.pages), articles=len(sheet.articles), variant=PrintVariant(variant).value)
