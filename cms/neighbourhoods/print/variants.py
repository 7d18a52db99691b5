"""The three print variants and what each asks of WeasyPrint.

- `print`: for the print shop: A4 with 3 mm bleed and crop marks, PDF/X-4 (the PDF/X
  variant WeasyPrint offers that keeps RGB images and transparency), fonts embedded;
- `accessible`: tagged PDF/UA-1 with the document language, for screen readers;
- `large-print`: body text at 16 pt and more, for readers with low vision (tagged too).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class PrintVariant(models.TextChoices):
    PRINT = "print", "Drukwerk (A4, afloop en snijtekens)"
    ACCESSIBLE = "accessible", "Toegankelijk (getagde PDF/UA)"
    LARGE_PRINT = "large-print", "Grote letters"


@dataclass(frozen=True)
class VariantSpec:
    pdf_variant: str | None
    body_size_pt: float
    bleed_mm: float
    crop_marks: bool
    tagged: bool


SPECS = {
    PrintVariant.PRINT: VariantSpec(pdf_variant="pdf/x-4", body_size_pt=10, bleed_mm=3, crop_marks=True, tagged=False),
    PrintVariant.ACCESSIBLE: VariantSpec(
        pdf_variant="pdf/ua-1", body_size_pt=11, bleed_mm=0, crop_marks=False, tagged=True
    ),
    PrintVariant.LARGE_PRINT: VariantSpec(
        pdf_variant="pdf/ua-1", body_size_pt=16, bleed_mm=0, crop_marks=False, tagged=True
    ),
}


def variant_spec(variant: str) -> VariantSpec:
    return SPECS[PrintVariant(variant)]
