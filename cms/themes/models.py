"""Theme pages: the city's information per subject ("Afval", "Wonen"), written by the
department that owns the subject and reviewed regularly."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.core.models import BasePage, TaggedPage
from cms.core.publishing import public_pages
from cms.core.schema_org import city


class Audience(models.TextChoices):
    INWONERS = "inwoners", "Inwoners"
    ONDERNEMERS = "ondernemers", "Ondernemers"
    BEZOEKERS = "bezoekers", "Bezoekers"
    JONGEREN = "jongeren", "Jongeren"
    SENIOREN = "senioren", "Senioren"
    IEDEREEN = "iedereen", "Iedereen"


#: The search type (`search_type()`) of a theme page that is a section of an imported document.
DOCUMENT_SECTION_TYPE = "themes.DocumentSection"


class ThemeIndexPage(BasePage):
    """A section of theme pages. The home has "Thema's"; an importer may add another
    section (the policy note is one), so there is no limit of one per home."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["themes.ThemePage"]

    class Meta:
        verbose_name = "overzicht thema's"

    def holds_document(self) -> bool:
        """Whether this section holds a document's chapters rather than the site's themes.

        The home's first theme index (in the order of the admin tree) is its "Thema's";
        any further one was added as a document's sections (the policy note's importer
        adds one), so telling them apart needs no field and no migration.
        """
        first = ThemeIndexPage.objects.sibling_of(self).order_by("path").values_list("pk", flat=True).first()
        return first is not None and first != self.pk

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The order editors give the pages in the admin tree, as in Plone: numbered
        # sections (the policy note's chapters) read 1, 2, ... 10, not 1, 10, 2.
        context["children"] = public_pages(ThemePage).child_of(self).order_by("path")
        return context


class ThemePage(TaggedPage):
    audience = models.CharField("doelgroep", max_length=20, choices=Audience.choices, default=Audience.IEDEREEN)
    department = models.CharField(
        "dienst", max_length=120, blank=True, help_text="De dienst die de inhoud van deze pagina beheert."
    )
    last_reviewed = models.DateField(
        "laatst nagekeken", null=True, blank=True, help_text="Wanneer de dienst de inhoud het laatst controleerde."
    )

    content_panels = TaggedPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("department"), FieldPanel("last_reviewed")],
            heading="Doelgroep en beheer",
        ),
    ]
    search_fields = TaggedPage.search_fields + [
        index.FilterField("audience"),
        index.SearchField("department"),
        index.FilterField("last_reviewed"),
    ]
    api_fields = TaggedPage.api_fields + [APIField("audience"), APIField("department"), APIField("last_reviewed")]

    # A theme page may hold sub-pages: the policy note's chapters hold their subsections.
    parent_page_types = ["themes.ThemeIndexPage", "themes.ThemePage"]
    subpage_types = ["themes.ThemePage"]

    schema_org_type = "GovernmentService"

    def search_type(self) -> str:
        """A chapter or subsection of a document (under a theme index that holds one) is a
        "themes.DocumentSection" to search, not a theme a department wrote for citizens."""
        index = ThemeIndexPage.objects.ancestor_of(self).order_by("-depth").first()
        if index is not None and index.holds_document():
            return DOCUMENT_SECTION_TYPE
        return super().search_type()

    class Meta:
        verbose_name = "themapagina"
        verbose_name_plural = "themapagina's"

    def schema_org_properties(self, data: dict, request) -> dict:
        """A service of the city, provided by the department that owns the page when named."""
        provider = city(request)
        if self.department:
            provider = {"@type": "GovernmentOrganization", "name": self.department, "parentOrganization": city(request)}
        data["provider"] = provider
        data["areaServed"] = {"@type": "City", "name": "Gent"}
        data["audience"] = {"@type": "Audience", "audienceType": self.get_audience_display()}
        if data.get("keywords"):
            data["serviceType"] = data["keywords"][0]
        return data
