"""The city's brand, kept in one place: every channel that shows the city takes it from here.

Letters, the printed wijk magazine, HTML e-mails and the signage screens (through the
content API) all read the same settings, so a new logo or Gentinfo phone number is
changed once in the admin (Instellingen > Huisstijl) and shows everywhere. The fields
have the house defaults, so a fresh site is branded before anyone opens the form.

`brand()` returns a plain, frozen `Brand`, so channels that stay free of the database
(a letter, an e-mail frame) are handed the values rather than reading settings themselves.
Colours are checked for contrast with white text (WCAG 2.1 AA, 4.5:1): the header of an
e-mail and the cover of the magazine put white text on the main colour.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_save
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Geef een kleur als #RRGGBB, bijvoorbeeld #1d4f91.")
MIN_CONTRAST = 4.5


class Typeface(models.TextChoices):
    """Free fonts from Debian packages (fonts-dejavu-core, fonts-liberation), embedded in every PDF."""

    DEJAVU_SANS = "DejaVu Sans", "DejaVu Sans"
    DEJAVU_SERIF = "DejaVu Serif", "DejaVu Serif"
    LIBERATION_SANS = "Liberation Sans", "Liberation Sans"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #RRGGBB colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Brand:
    name: str
    logo_url: str  # absolute or site-relative; "" when there is no logo (the name is shown instead)
    logo_path: str  # a local file for PDFs; "" when the storage is not local or there is no logo
    primary_colour: str
    accent_colour: str
    text_colour: str
    typeface: str
    gentinfo_phone: str
    gentinfo_email: str
    gentinfo_address: str
    gentinfo_hours: str
    gentinfo_url: str
    photo_credit: str

    @property
    def gentinfo_lines(self) -> list[str]:
        """Gentinfo in the few lines a footer or a letter's end shows."""
        lines = [f"Gentinfo: {self.gentinfo_phone}" if self.gentinfo_phone else "Gentinfo"]
        lines += [value for value in (self.gentinfo_email, self.gentinfo_address, self.gentinfo_hours) if value]
        return lines


@register_setting(icon="palette", name="huisstijl")
class BrandSettings(BaseGenericSetting):
    name = models.CharField("naam van de stad", max_length=80, default="Stad Gent")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leeg: de naam wordt als woordmerk getoond.",
    )
    primary_colour = models.CharField(
        "hoofdkleur", max_length=7, default="#1d4f91", validators=[HEX_COLOUR],
        help_text="Achtergrond van koppen met witte tekst: minstens 4,5:1 contrast met wit.",
    )
    accent_colour = models.CharField("accentkleur", max_length=7, default="#ffd500", validators=[HEX_COLOUR])
    text_colour = models.CharField(
        "tekstkleur", max_length=7, default="#1a1a1a", validators=[HEX_COLOUR],
        help_text="Lopende tekst op wit: minstens 4,5:1 contrast met wit.",
    )
    typeface = models.CharField("lettertype", max_length=40, choices=Typeface.choices, default=Typeface.DEJAVU_SANS)
    gentinfo_phone = models.CharField("Gentinfo telefoon", max_length=40, default="09 210 10 10")
    gentinfo_email = models.EmailField("Gentinfo e-mail", default="gentinfo@stad.gent")
    gentinfo_address = models.CharField(
        "Gentinfo adres", max_length=200, default="Woodrow Wilsonplein 1, 9000 Gent"
    )
    gentinfo_hours = models.CharField(
        "Gentinfo openingsuren", max_length=200, default="maandag tot vrijdag van 8 tot 19 uur, zaterdag van 9 tot 12.30 uur"
    )
    gentinfo_url = models.URLField("Gentinfo website", default="https://stad.gent/gentinfo")
    photo_credit = models.CharField(
        "fotocredit", max_length=120, default="Stad Gent",
        help_text="Bij foto's zonder eigen bron, bv. in het gedrukte magazine: 'Foto: Stad Gent'.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("logo"), FieldPanel("primary_colour"), FieldPanel("accent_colour"),
             FieldPanel("text_colour"), FieldPanel("typeface"), FieldPanel("photo_credit")],
            heading="Huisstijl",
        ),
        MultiFieldPanel(
            [FieldPanel("gentinfo_phone"), FieldPanel("gentinfo_email"), FieldPanel("gentinfo_address"),
             FieldPanel("gentinfo_hours"), FieldPanel("gentinfo_url")],
            heading="Gentinfo (voettekst van brieven, e-mails, magazine en schermen)",
        ),
    ]

    class Meta:
        verbose_name = "huisstijl"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("primary_colour", "text_colour"):
            value = getattr(self, field)
            if HEX_COLOUR.regex.match(value or "") and contrast_ratio(value, "#ffffff") < MIN_CONTRAST:
                errors[field] = (
                    f"Te weinig contrast met wit ({contrast_ratio(value, '#ffffff'):.1f}:1); "
                    f"minstens {MIN_CONTRAST}:1 is nodig om leesbaar te blijven."
                )
        if errors:
            raise ValidationError(errors)

    def as_brand(self) -> Brand:
        logo_url = logo_path = ""
        if self.logo_id:
            rendition = self.logo.get_rendition("max-600x200|format-png")
            logo_url = rendition.url
            try:
                logo_path = rendition.file.path
            except NotImplementedError:  # remote storage: PDFs then show the name
                logo_path = ""
        return Brand(
            name=self.name,
            logo_url=logo_url,
            logo_path=logo_path,
            primary_colour=self.primary_colour,
            accent_colour=self.accent_colour,
            text_colour=self.text_colour,
            typeface=self.typeface,
            gentinfo_phone=self.gentinfo_phone,
            gentinfo_email=self.gentinfo_email,
            gentinfo_address=self.gentinfo_address,
            gentinfo_hours=self.gentinfo_hours,
            gentinfo_url=self.gentinfo_url,
            photo_credit=self.photo_credit,
        )


_remembered: tuple[float, Brand] | None = None
REMEMBER_SECONDS = 60.0


def brand() -> Brand:
    """The city's brand as it is set in the admin (the defaults before anyone saved it).

    Remembered for a minute per process: a crisis alert frames an e-mail for every
    subscriber, and the brand must not cost a query each. Saving the settings forgets it
    at once in the saving process; other processes follow within the minute.
    """
    global _remembered
    now = time.monotonic()
    if _remembered is None or now - _remembered[0] > REMEMBER_SECONDS:
        _remembered = (now, BrandSettings.load().as_brand())
    return _remembered[1]


def brand_forget(**kwargs) -> None:
    global _remembered
    _remembered = None


post_save.connect(brand_forget, sender=BrandSettings, dispatch_uid="core.brand.forget")


def default_brand() -> Brand:
    """The house defaults, without the database (for code that renders where no database is)."""
    return BrandSettings().as_brand()
