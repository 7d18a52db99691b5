"""Abstract page bases: what (almost) every Ghent page has, declared once.

`BasePage` is intro + body, the shape of every readable page. `ThemedPage` adds themes
and `TaggedPage` adds wijken, so a model declares only what is its own. Themes and wijken
are kept in step across translations (wagtail-localize ignores many-to-many fields unless
told to synchronise them), so an English page has the same tags as its Dutch source.
"""

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

    class Meta:
        abstract = True


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

    @property
    def is_city_wide(self) -> bool:
        """True when no wijk is tagged: the page concerns all of Ghent."""
        return not self.wijken.exists()
