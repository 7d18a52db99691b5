"""The two taxonomies every piece of content is tagged with: themes and wijken.

A theme ("Afval", "Mobiliteit") is translatable: the English and French sites show it in
their own language. Pages always point at the Dutch (source-locale) theme, so one slug is
one theme everywhere and filtering by theme works the same in every locale; a template or
API asks `theme.localized` for the name in the reader's language.

A wijk is a place with a proper name, the same in every language, so it is not translatable.
It also has a place on the map for crisis alerts (CAP 1.2, automation/crisis/cap/): a centre
and radius, seeded for Ghent's 25 wijken, and a boundary once one is loaded from a GeoJSON
file (`manage.py wijk_boundaries`), which a CAP area then gives as polygons instead.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


def in_source_locale() -> Q:
    """Limit taxonomy choices to the source (Dutch) locale: pages tag with source terms."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Theme(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField("slug", max_length=80, help_text="Vaste sleutel, gelijk in alle talen.")
    name = models.CharField("naam", max_length=120)
    description = models.TextField("omschrijving", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self):
        return self.name


class Wijk(index.Indexed, models.Model):
    slug = models.SlugField("slug", max_length=80, unique=True)
    name = models.CharField("naam", max_length=120)
    postcode = models.CharField(
        "postcode", max_length=4, blank=True, help_text="De postcode die de meeste adressen in de wijk dragen."
    )
    area_km2 = models.DecimalField("oppervlakte (km²)", max_digits=6, decimal_places=2, null=True, blank=True)
    centre_lat = models.DecimalField(
        "middelpunt: breedtegraad", max_digits=8, decimal_places=5, null=True, blank=True, help_text="WGS84, bv. 51.05430."
    )
    centre_lon = models.DecimalField(
        "middelpunt: lengtegraad", max_digits=8, decimal_places=5, null=True, blank=True, help_text="WGS84, bv. 3.72330."
    )
    radius_km = models.DecimalField(
        "straal (km)", max_digits=5, decimal_places=2, null=True, blank=True,
        help_text="Een cirkel rond het middelpunt die de hele wijk bedekt (voor crisisberichten).",
    )
    boundary = models.JSONField(
        "grens (GeoJSON)", null=True, blank=True, editable=False,
        help_text="Polygon of MultiPolygon in WGS84, geladen met manage.py wijk_boundaries.",
    )

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("postcode"), FieldPanel("area_km2"),
        FieldPanel("centre_lat"), FieldPanel("centre_lon"), FieldPanel("radius_km"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("postcode")]

    class Meta:
        verbose_name = "wijk"
        verbose_name_plural = "wijken"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(centre_lat__isnull=True, centre_lon__isnull=True)
                | Q(centre_lat__isnull=False, centre_lon__isnull=False)
                & Q(centre_lat__gte=-90, centre_lat__lte=90, centre_lon__gte=-180, centre_lon__lte=180),
                name="wijk_centre_whole_and_on_earth",
            ),
            models.CheckConstraint(condition=Q(radius_km__isnull=True) | Q(radius_km__gt=0), name="wijk_radius_positive"),
        ]

    def __str__(self):
        return self.name
