"""E-mails wear the city's brand from the one set of brand settings, stay readable with images
off and in dark mode, and keep their plain-text part."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from automation.messages.layout import email_html, email_text
from cms.core.models import BrandSettings, brand
from cms.core.models.brand import contrast_ratio

pytestmark = pytest.mark.django_db

FRAME = {"body_html": "", "body_text": "Beste,\n\nJe aanvraag is ontvangen.", "why": "Je krijgt dit omdat je een dossier hebt.",
         "preferences_url": "https://gent.example/nl/voorkeuren?token=abc", "language": "nl", "subject": "Ontvangen"}


def without_images(html: str) -> str:
    return re.sub(r"<img\b[^>]*>", "", html)


def visible_text(html: str) -> str:
    html = re.sub(r"<(style|title)\b.*?</\1>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_an_email_has_the_city_header_colours_and_gentinfo_footer():
    html = email_html(**FRAME)
    house = brand()
    header = re.search(r'<td class="header" style="([^"]*)">(.*?)</td>', html, re.S)
    assert f"background: {house.primary_colour}" in header.group(1) and "color: #ffffff" in header.group(1)
    assert house.name in header.group(2)
    text = visible_text(html)
    assert "Je aanvraag is ontvangen." in text and FRAME["why"] in text
    assert house.gentinfo_phone in text and house.gentinfo_email in text
    assert contrast_ratio("#ffffff", house.primary_colour) >= 4.5


def test_readable_with_images_off_and_in_dark_mode(settings):
    settings_row = BrandSettings.load()
    settings_row.name = "Stad Gent"
    settings_row.save()
    html = email_html(**FRAME)
    assert "Stad Gent" in visible_text(without_images(html))  # the name is text, never only an image
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "@media (prefers-color-scheme: dark)" in html and "color-scheme: light dark" in html


def test_changing_the_brand_in_one_place_changes_every_new_email():
    row = BrandSettings.load()
    row.primary_colour, row.gentinfo_phone, row.name = "#005a32", "09 999 99 99", "Stad Gent (test)"
    row.full_clean()
    row.save()
    html = email_html(**FRAME)
    text = email_text(body="Tekst", why="Waarom", preferences_url="https://x", language="nl")
    assert "background: #005a32" in html and "Stad Gent (test)" in html and "09 999 99 99" in html
    assert text == "Tekst\n\n-- \nWaarom\nKies welke berichten u krijgt, of meld u af: https://x\n" \
                   "Vragen? Gentinfo: 09 999 99 99 · gentinfo@stad.gent\n"


@pytest.mark.parametrize("field", ["primary_colour", "text_colour"])
def test_a_colour_too_light_for_white_text_is_refused_naming_the_field(field):
    row = BrandSettings.load()
    setattr(row, field, "#ffd500")
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert list(error.value.message_dict) == [field] and "contrast" in error.value.message_dict[field][0]


def test_a_colour_that_is_not_hex_is_refused():
    row = BrandSettings.load()
    row.accent_colour = "yellow"
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert list(error.value.message_dict) == ["accent_colour"]
