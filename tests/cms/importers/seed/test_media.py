"""Demo media: real files, the same on every run, found again instead of duplicated."""

import re
from io import BytesIO

import pytest
from PIL import Image as PillowImage

from cms.importers.seed.media import DemoMedia, demo_png
from cms.importers.seed.pdf import minimal_pdf


def test_the_pdf_is_well_formed_with_a_correct_cross_reference_table():
    pdf = minimal_pdf("Tarieven grofvuil (2026) – é", ["Stad Gent"])
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[startxref:].startswith(b"xref")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n", pdf)]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(f"{number} 0 obj".encode())
    assert b"Tarieven grofvuil \\(2026\\)" in pdf


def test_the_demo_image_is_the_same_for_the_same_key():
    first, again, other = demo_png("fietsstraat"), demo_png("fietsstraat"), demo_png("grofvuil")
    assert first == again != other
    assert PillowImage.open(BytesIO(first)).size == (1200, 675)


@pytest.mark.django_db
def test_media_are_found_again_on_a_second_run(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = DemoMedia().image("fietsstraat")
    document = DemoMedia().document("persmap", "Persmap fietsstraten")
    assert DemoMedia().image("fietsstraat").pk == image.pk
    assert DemoMedia().document("persmap", "Andere titel").pk == document.pk
    assert document.title == "Persmap fietsstraten"
    assert document.file.read().startswith(b"%PDF")
