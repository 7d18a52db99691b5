"""One page per wijk: what the city does there and where its services are."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.core.models import BasePage, slugs_serializer
from cms.core.publishing import public_pages
from cms.core.schema_org import place


class ServiceKind(models.TextChoices):
    DIENSTENCENTRUM = "dienstencentrum", "Lokaal dienstencentrum"
    GENTINFO_PUNT = "gentinfo_punt", "Gentinfo-punt"
    WIJKREGIE = "wijkregie", "Wijkregisseur"
    BIBLIOTHEEK = "bibliotheek", "Bibliotheek"
    SOCIAAL_HUIS = "sociaal_huis", "Sociaal huis"


class WijkIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["neighbourhoods.WijkPage", "neighbourhoods.NeighbourhoodMagazine"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "overzicht wijken"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public_pages(WijkPage).child_of(self).order_by("title")
        return context


class WijkPage(BasePage):
    wijk = models.ForeignKey("core.Wijk", verbose_name="wijk", on_delete=models.PROTECT, related_name="pages")

    content_panels = BasePage.content_panels[:1] + [FieldPanel("wijk")] + BasePage.content_panels[1:] + [
        InlinePanel("services", heading="Diensten in de buurt", label="dienst"),
    ]
    search_fields = BasePage.search_fields + [
        index.FilterField("wijk_id"),
        index.RelatedFields("wijk", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("wijk", serializer=slugs_serializer(many=False)),
        APIField("services"),
    ]

    parent_page_types = ["neighbourhoods.WijkIndexPage"]
    subpage_types = ["neighbourhoods.NeighbourhoodMagazine"]

    schema_org_type = "Place"

    class Meta:
        verbose_name = "wijkpagina"
        verbose_name_plural = "wijkpagina's"

    def search_wijken(self) -> tuple[str, ...]:
        return (self.wijk.slug,) if self.wijk_id else ()

    def search_paragraphs(self) -> list[tuple[str, ...]]:
        return [
            (service.name, service.get_kind_display(), service.address, service.opening_hours)
            for service in self.services.all()
        ]

    def schema_org_properties(self, data: dict, request) -> dict:
        """The wijk as a place in Ghent; a place has no publication dates or publisher."""
        data["name"] = self.wijk.name
        data.update({k: v for k, v in place(self.wijk.name, postcode=self.wijk.postcode).items() if k == "address"})
        data["containedInPlace"] = {"@type": "City", "name": "Gent"}
        data.pop("datePublished"), data.pop("dateModified"), data.pop("publisher")
        return data

    def clean(self):
        """One wijk page per wijk in each language: two would split the wijk's news."""
        super().clean()
        if not self.wijk_id or not self.locale_id:
            return
        others = WijkPage.objects.filter(wijk_id=self.wijk_id, locale_id=self.locale_id).exclude(
            translation_key=self.translation_key
        )
        if others.exists():
            raise ValidationError({"wijk": "Voor deze wijk bestaat al een wijkpagina in deze taal."})


class WijkService(TranslatableMixin, Orderable):
    """A place near the citizen: dienstencentrum, Gentinfo-punt, library, sociaal huis."""

    page = ParentalKey(WijkPage, on_delete=models.CASCADE, related_name="services")
    kind = models.CharField("soort", max_length=20, choices=ServiceKind.choices)
    name = models.CharField("naam", max_length=200)
    address = models.CharField("adres", max_length=250, blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    opening_hours = models.TextField("openingsuren", blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("opening_hours"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("name"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("opening_hours"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "dienst in de buurt"
        verbose_name_plural = "diensten in de buurt"

    def __str__(self):
        return self.name
