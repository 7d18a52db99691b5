"""Neighbourhood magazines (wijkkranten): a magazine per wijk plus one for all of Ghent.

Each magazine has editions and each edition has articles. A wijk edition shows its own
articles and, below them, the city-wide articles of the same month, so a reader gets local
and city news in one edition while the city's editors write the city news only once.
"""

from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.core.models import BasePage, TaggedPage, slugs_serializer
from cms.core.publishing import public_pages
from cms.core.schema_org import news_article
from cms.neighbourhoods.print.panels import EditionPrintPanel


class NeighbourhoodMagazine(BasePage):
    wijk = models.ForeignKey(
        "core.Wijk",
        verbose_name="wijk",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="magazines",
        help_text="Leeg laten voor het stadsbrede magazine.",
    )

    content_panels = BasePage.content_panels[:1] + [FieldPanel("wijk")] + BasePage.content_panels[1:]
    search_fields = BasePage.search_fields + [index.FilterField("wijk_id")]
    api_fields = BasePage.api_fields + [APIField("wijk", serializer=slugs_serializer(many=False))]

    parent_page_types = ["neighbourhoods.WijkIndexPage", "neighbourhoods.WijkPage"]
    subpage_types = ["neighbourhoods.MagazineEdition"]

    class Meta:
        verbose_name = "wijkmagazine"
        verbose_name_plural = "wijkmagazines"

    @property
    def is_city_wide(self) -> bool:
        return self.wijk_id is None

    def search_wijken(self) -> tuple[str, ...]:
        return (self.wijk.slug,) if self.wijk_id else ()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public_pages(MagazineEdition).child_of(self).order_by("-date")
        return context


class MagazineEdition(BasePage):
    number = models.PositiveIntegerField("nummer")
    date = models.DateField("verschijningsdatum")

    content_panels = BasePage.content_panels[:1] + [FieldPanel("number"), FieldPanel("date")] + (
        BasePage.content_panels[1:]
    ) + [MultiFieldPanel([EditionPrintPanel()], heading="Drukversie (PDF)")]
    search_fields = BasePage.search_fields + [index.FilterField("date")]
    api_fields = BasePage.api_fields + [APIField("number"), APIField("date")]

    parent_page_types = ["neighbourhoods.NeighbourhoodMagazine"]
    subpage_types = ["neighbourhoods.MagazineArticle"]

    class Meta:
        verbose_name = "editie"
        verbose_name_plural = "edities"

    def search_wijken(self) -> tuple[str, ...]:
        """An edition is about its magazine's wijk."""
        magazine = self.get_parent().specific
        return magazine.search_wijken() if isinstance(magazine, NeighbourhoodMagazine) else ()

    def search_dates(self):
        return self.date, None

    def articles(self) -> list["MagazineArticle"]:
        """This edition's live articles, then the live city-wide articles of the same month.

        City-wide articles come from the editions of the city-wide magazine (in this
        edition's language) dated in the same month, and only those tagged with no wijk.
        """
        own = list(public_pages(MagazineArticle).child_of(self).order_by("path"))
        return own + list(self.city_wide_articles())

    def city_wide_articles(self):
        magazine = self.get_parent().specific
        if getattr(magazine, "is_city_wide", True):
            return MagazineArticle.objects.none()
        city_magazines = NeighbourhoodMagazine.objects.live().filter(locale_id=self.locale_id, wijk__isnull=True)
        editions = MagazineEdition.objects.live().filter(
            locale_id=self.locale_id, date__year=self.date.year, date__month=self.date.month
        )
        in_city_magazine = Q()
        for city_magazine in city_magazines:
            in_city_magazine |= editions.child_of_q(city_magazine)
        editions = editions.filter(in_city_magazine) if in_city_magazine else editions.none()
        in_edition = Q()
        for edition in editions:
            in_edition |= MagazineArticle.objects.child_of_q(edition)
        if not in_edition:
            return MagazineArticle.objects.none()
        return (
            public_pages(MagazineArticle).filter(in_edition).filter(wijken__isnull=True).order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.articles()
        return context


class MagazineArticle(TaggedPage):
    parent_page_types = ["neighbourhoods.MagazineEdition"]
    subpage_types = []

    schema_org_type = "NewsArticle"

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikels"

    def search_dates(self):
        """The day the edition it appeared in came out."""
        edition = self.get_parent().specific
        return (edition.date, None) if isinstance(edition, MagazineEdition) else (None, None)

    def schema_org_properties(self, data: dict, request) -> dict:
        return news_article(self, data, request)
