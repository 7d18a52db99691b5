"""The three print variants of a wijk edition, checked with poppler and zbar as a print shop,
a screen reader user and a reader with low vision would notice."""

from __future__ import annotations

import re

import pytest

from cms.core.models import brand
from cms.core.publishing import public_url
from cms.neighbourhoods.print.render import edition_pdf_render
from tests.cms.neighbourhoods.print.conftest import (
    body_font_size,
    font_file,
    pdf_fonts,
    pdf_info,
    pdf_objects,
    page_texts,
    pdf_text,
    qr_codes,
    title_pages,
)

MM = 72 / 25.4


def render(edition, variant, tmp_path):
    result = edition_pdf_render(edition=edition.page, variant=variant)
    path = tmp_path / f"{variant}.pdf"
    path.write_bytes(result.pdf)
    return result, path


def box_mm(info: dict, name: str) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(value) for value in info[name].split())
    return round((x1 - x0) / MM, 1), round((y1 - y0) / MM, 1)


def test_print_variant_is_ready_for_the_print_shop(edition, tmp_path):
    result, path = render(edition, "print", tmp_path)
    info = pdf_info(path)
    assert box_mm(info, "MediaBox") == (216.0, 303.0)  # A4 with 3 mm bleed on every side
    assert box_mm(info, "TrimBox") == (210.0, 297.0)
    assert int(info["Pages"]) == result.pages
    fonts = pdf_fonts(path)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
    assert result.articles == 4

    # Every title heads its article (after the table of contents), in the edition's order.
    starts = title_pages(path, edition.titles)
    assert all(starts) and starts == sorted(starts), starts


def test_contents_cover_back_page_credits_and_qr_codes(edition, tmp_path):
    """One print run, read as a reader would: contents, cover, back page, credits, QR codes."""
    result, path = render(edition, "print", tmp_path)
    contents = pdf_text(path, first=2, last=2)
    for title in edition.titles:
        listed = re.search(re.escape(title) + r"\s*\.*\s*(\d+)", contents)
        assert listed, f"{title!r} not in the table of contents"
        page = int(listed.group(1))
        assert title in page_texts(path)[page - 1], f"{title!r} is not on page {page}"

    cover = pdf_text(path, first=1, last=1)
    assert "Wijkkrant Ledeberg" in cover and "Ledeberg" in cover
    assert "Nummer 1" in cover and "1 maart 2026" in cover
    back = pdf_text(path, first=result.pages, last=result.pages)
    house = brand()
    assert house.gentinfo_phone in back
    assert "Lokaal dienstencentrum Ledeberg" in back and "Hundelgemsesteenweg 100" in back
    assert "Bibliotheek Ledeberg" in back

    expected = [public_url(article.url_path) for article in edition.articles]
    assert all(url and url.startswith("http") for url in expected)
    assert qr_codes(path, tmp_path) == expected

    text = " ".join(pdf_text(path).split())
    assert f"Het klimrek is meteen in gebruik. Foto: {brand().photo_credit}" in text


def test_accessible_variant_is_tagged_with_language_and_alt_text(edition, tmp_path):
    _, path = render(edition, "accessible", tmp_path)
    info = pdf_info(path)
    assert info["Tagged"] == "yes"
    assert box_mm(info, "MediaBox") == (210.0, 297.0)  # no bleed for reading on screen
    assert all(font["emb"] == "yes" for font in pdf_fonts(path))
    objects = pdf_objects(path)
    assert b"/Lang (nl)" in objects
    assert b"/Alt (Kinderen op een klimrek.)" in objects  # the editor's alt text from the image block
    assert objects.count(b"/Alt (QR-code naar dit artikel online") == len(edition.titles)
    starts = title_pages(path, edition.titles)
    assert all(starts) and starts == sorted(starts), starts


def test_large_print_body_text_is_at_least_16_pt(edition, tmp_path):
    result, path = render(edition, "large-print", tmp_path)
    ordinary, ordinary_path = render(edition, "accessible", tmp_path)
    typeface = font_file(brand().typeface)
    article_page = 3
    assert "Nieuw speelplein" in pdf_text(path, first=article_page, last=article_page)
    large = body_font_size(path, page=article_page, typeface_file=typeface)
    small = body_font_size(ordinary_path, page=article_page, typeface_file=typeface)
    assert large >= 16 - 0.2, large
    assert small < 16, small  # the measure tells the two apart
    assert pdf_info(path)["Tagged"] == "yes"


@pytest.mark.parametrize("variant", ["brochure", ""])
def test_unknown_variant_is_refused(edition, variant):
    with pytest.raises(ValueError):
        edition_pdf_render(edition=edition.page, variant=variant)
