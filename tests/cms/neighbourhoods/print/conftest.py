"""A Ledeberg edition worth printing: own articles with an image, a city-wide article of the
same month, and the wijk page's service points; plus helpers around poppler and zbar."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from cms.neighbourhoods.models import MagazineArticle, MagazineEdition, NeighbourhoodMagazine, WijkService
from tests.cms.conftest import add_page

TOOLS = ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm", "zbarimg")


@pytest.fixture(scope="session", autouse=True)
def _pdf_tools():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:  # not a skip: the tools are part of the test setup (tests/services/install.sh)
        pytest.fail(f"missing PDF tools {missing}: run tests/services/install.sh (poppler-utils, zbar-tools)")


def image(title: str, colour=(40, 110, 160)):
    buffer = BytesIO()
    PillowImage.new("RGB", (800, 450), colour).save(buffer, format="PNG")
    picture = get_image_model()(title=title)
    picture.file = ImageFile(BytesIO(buffer.getvalue()), name=f"{title}.png")
    picture._set_image_file_metadata()
    picture.save()
    return picture


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


@pytest.fixture
def edition(tree):
    """tree.edition (Ledeberg, March 2026) with three articles of its own and one of the city."""
    wijk_page = tree.wijk_page
    WijkService.objects.create(
        page=wijk_page, locale=wijk_page.locale, kind="dienstencentrum", name="Lokaal dienstencentrum Ledeberg",
        address="Hundelgemsesteenweg 100, 9050 Ledeberg", phone="09 266 00 00", opening_hours="ma-vr 9-17 uur",
    )
    WijkService.objects.create(
        page=wijk_page, locale=wijk_page.locale, kind="bibliotheek", name="Bibliotheek Ledeberg",
        address="Ledebergplein 1, 9050 Ledeberg",
    )
    speelplein = tree.article
    speelplein.body = [
        paragraph("Het nieuwe speelplein aan de Kerkstraat is open voor alle kinderen uit de buurt. " * 4),
        {"type": "image", "value": {"image": image("speelplein").pk, "alt": "Kinderen op een klimrek.",
                                    "caption": "Het klimrek is meteen in gebruik."}},
        {"type": "heading", "value": {"text": "Wanneer is het open?", "level": 2}},
        paragraph("Elke dag van 8 tot 20 uur. " * 6),
    ]
    speelplein.save_revision().publish()
    add_page(tree.edition, MagazineArticle, title="Bakker Hatice opent op het plein",
             intro="Vers brood in de buurt.", body=[paragraph("Een nieuwe bakker aan het plein. " * 30)])
    add_page(tree.edition, MagazineArticle, title="Buurtfeest in juni", intro="Iedereen welkom.",
             body=[paragraph("Het buurtfeest vindt plaats op het plein. " * 20)])
    city = add_page(tree.wijk_index, NeighbourhoodMagazine, title="Gent Magazine", wijk=None)
    march = add_page(city, MagazineEdition, title="Maart", number=95, date=datetime.date(2026, 3, 15))
    add_page(march, MagazineArticle, title="Nieuwe afvalkalender voor heel Gent", intro="Vanaf april.",
             body=[paragraph("IVAGO haalt op een andere dag op. " * 20)])
    edition = MagazineEdition.objects.get(pk=tree.edition.pk)
    return SimpleNamespace(
        page=edition,
        titles=["Nieuw speelplein", "Bakker Hatice opent op het plein", "Buurtfeest in juni",
                "Nieuwe afvalkalender voor heel Gent"],
        articles=edition.articles(),
    )


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    info = {}
    for line in run("pdfinfo", "-box", str(path)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table as rows: name, type, emb (yes/no)."""
    lines = run("pdffonts", str(path)).splitlines()[2:]
    return [{"name": line.split()[0], "emb": line.split()[-5]} for line in lines if line.strip()]


def pdf_text(path: Path, *, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", "-layout", *pages, str(path), "-")


def page_texts(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed (a long title may wrap); index 0 is page 1."""
    return [" ".join(page.split()) for page in run("pdftotext", str(path), "-").split("\f")]


def title_pages(path: Path, titles: list[str], *, after: int = 2) -> list[int]:
    """The first page after the contents (page `after`) on which each title stands; 0 when none."""
    pages = page_texts(path)
    return [next((n for n, text in enumerate(pages, start=1) if n > after and title in text), 0) for title in titles]


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    """Every QR code on every page, decoded by zbar from a 150 dpi rendering, in page order."""
    prefix = tmp_path / "page"
    run("pdftoppm", "-r", "150", "-png", str(path), str(prefix))
    found = []
    for png in sorted(tmp_path.glob("page-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                                capture_output=True, text=True)
        found += [line for line in result.stdout.splitlines() if line]
    return found


def pdf_objects(path: Path) -> bytes:
    """The PDF with every Flate stream inflated, to read the structure tree's /Lang and /Alt."""
    import re
    import zlib

    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def body_font_size(path: Path, *, page: int, typeface_file: str) -> float:
    """The most common text size on a page, in pt, measured from pdftotext's word boxes:
    a word box is as high as the font's ascent plus descent, known from the font file."""
    import re
    from collections import Counter

    from PIL import ImageFont

    ascent, descent = ImageFont.truetype(typeface_file, 1000).getmetrics()
    per_em = (ascent + descent) / 1000
    xml = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    heights = Counter(
        round(float(y_max) - float(y_min), 1)
        for y_min, y_max in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', xml)
    )
    return heights.most_common(1)[0][0] / per_em


def font_file(family: str) -> str:
    return run("fc-match", "-f", "%{file}", family).strip()
