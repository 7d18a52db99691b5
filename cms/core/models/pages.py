"""Abstract page bases: what (almost) every Ghent page has, declared once.

`BasePage` is intro + body, the shape of every readable page. `ThemedPage` adds themes
and `TaggedPage` adds wijken, so a model declares only what is its own. Themes and wijken
are kept in step across translations (wagtail-localize ignores many-to-many fields unless
told to synchronise them), so an English page has the same tags as its Dutch source.

Every page type also describes itself, beside its panels and search fields: what it gives
to the public search (cms/core/search_facts.py reads `search_*`) and to schema.org
(cms/core/schema_org.py reads `schema_org_type` and `schema_org_properties`). The defaults
here say "a web page with text only"; a type overrides what it has.
"""

from datetime import date

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import BodyBlock
from cms.core.models.taxonomy import in_source_locale


def slugs_serializer(many: bool = True):
    """The API shows taxonomy terms (themes, wijken) by their stable slug, the same in every locale."""
    return serializers.SlugRelatedField(many=many, read_only=True, slug_field="slug")


class BasePage(Page):
    intro = models.TextField(
        "inleiding", blank=True, help_text="Eén tot drie zinnen: waar gaat deze pagina over, voor wie?"
    )
    body = StreamField(BodyBlock(), verbose_name="inhoud", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    schema_org_type = "WebPage"

    class Meta:
        abstract = True

    def search_type(self) -> str:
        """What kind of page search results and the "type" facet call it: the model's label
        ("themes.ThemePage"), unless the type knows a closer name for some of its pages."""
        return type(self)._meta.label

    def search_themes(self) -> tuple[str, ...]:
        """Slugs of the themes the page is about."""
        return ()

    def search_wijken(self) -> tuple[str, ...]:
        """Slugs of the wijken the page is about."""
        return ()

    def search_dates(self) -> tuple[date | None, date | None]:
        """(first day, last day or None) a citizen's date filter matches; (None, None): no day."""
        return None, None

    def search_paragraphs(self) -> list[tuple[str, ...]]:
        """Readable text of the type's own fields, beside intro and body: a paragraph is its parts."""
        return []

    def schema_org_properties(self, data: dict, request) -> dict:
        """The properties of `schema_org_type` added to the `data` every page has."""
        return data


class ThemedPage(BasePage):
    themes = ParentalManyToManyField(
        "core.Theme",
        verbose_name="thema's",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        limit_choices_to=in_source_locale,
    )

    taxonomy_panels = [FieldPanel("themes", widget=forms.CheckboxSelectMultiple)]
    content_panels = BasePage.content_panels + [MultiFieldPanel(taxonomy_panels, heading="Thema's")]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    api_fields = BasePage.api_fields + [APIField("themes", serializer=slugs_serializer())]
    override_translatable_fields = [SynchronizedField("themes")]

    class Meta:
        abstract = True

    def search_themes(self) -> tuple[str, ...]:
        return tuple(self.themes.order_by("slug").values_list("slug", flat=True))


class TaggedPage(ThemedPage):
    wijken = ParentalManyToManyField(
        "core.Wijk",
        verbose_name="wijken",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        help_text="Geen wijk aangeduid: de pagina geldt voor heel Gent.",
    )

    taxonomy_panels = ThemedPage.taxonomy_panels + [FieldPanel("wijken", widget=forms.CheckboxSelectMultiple)]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(taxonomy_panels, heading="Thema's en wijken", classname="collapsed"),
    ]
    search_fields = ThemedPage.search_fields + [
        index.RelatedFields("wijken", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    api_fields = ThemedPage.api_fields + [APIField("wijken", serializer=slugs_serializer())]
    override_translatable_fields = ThemedPage.override_translatable_fields + [SynchronizedField("wijken")]

    class Meta:
        abstract = True

    def search_wijken(self) -> tuple[str, ...]:
        return tuple(self.wijken.order_by("slug").values_list("slug", flat=True))

    @property
    def is_city_wide(self) -> bool:
        """True when no wijk is tagged: the page concerns all of Ghent."""
        return not self.wijken.exists()
