"""The press room: press releases with spokespeople, attachments and embargoes.

An embargo is Wagtail's scheduled publishing: `embargo_until` is the field journalists'
colleagues know, `go_live_at` is what Wagtail acts on, and the two are kept equal. A
release published with a future embargo stays offline until `publish_scheduled` runs
after the embargo ends.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.core.models import BasePage, PressContact, TaggedPage
from cms.core.publishing import public_pages
from cms.core.schema_org import news_article


class AttachmentKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    IMAGE = "image", "Afbeelding"


class PressContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = PressContact
        fields = ["key", "name", "role", "phone", "email"]


class PressRoomPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["pressroom.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "persruimte"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public_pages(PressReleasePage).child_of(self).order_by("-date", "-pk")
        return context


class PressReleasePage(TaggedPage):
    date = models.DateField("datum", default=timezone.localdate)
    embargo_until = models.DateTimeField(
        "embargo tot",
        null=True,
        blank=True,
        help_text="Het bericht gaat pas online op dit moment. Gelijk aan de publicatieplanning van de pagina.",
    )

    content_panels = (
        BasePage.content_panels[:1]
        + [MultiFieldPanel([FieldPanel("date"), FieldPanel("embargo_until")], heading="Datum en embargo")]
        + TaggedPage.content_panels[1:]
        + [
            InlinePanel("press_contacts", heading="Perscontacten", label="perscontact"),
            InlinePanel("attachments", heading="Bijlagen", label="bijlage"),
        ]
    )
    search_fields = TaggedPage.search_fields + [index.FilterField("date")]
    api_fields = TaggedPage.api_fields + [
        APIField("date"),
        APIField("embargo_until"),
        APIField("press_contacts"),
        APIField("attachments"),
    ]

    parent_page_types = ["pressroom.PressRoomPage"]
    subpage_types = []

    schema_org_type = "NewsArticle"

    class Meta:
        verbose_name = "persbericht"
        verbose_name_plural = "persberichten"

    def sync_embargo(self) -> None:
        """The embargo drives the schedule; a schedule set in the future is an embargo."""
        if self.embargo_until:
            self.go_live_at = self.embargo_until
        elif self.go_live_at and self.go_live_at > timezone.now():
            self.embargo_until = self.go_live_at

    def clean(self):
        super().clean()
        self.sync_embargo()

    def save(self, *args, **kwargs):
        self.sync_embargo()
        return super().save(*args, **kwargs)

    def search_dates(self):
        return self.date, None

    def search_paragraphs(self) -> list[tuple[str, ...]]:
        """Whom journalists call, and what the attachments show."""
        return [
            (link.contact.name, link.contact.role) for link in self.press_contacts.select_related("contact")
        ] + [(attachment.title, attachment.alt) for attachment in self.attachments.all()]

    def schema_org_properties(self, data: dict, request) -> dict:
        return news_article(self, data, request)


class PressReleaseContact(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="press_contacts")
    contact = models.ForeignKey(PressContact, verbose_name="perscontact", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("contact")]
    api_fields = [APIField("contact", serializer=PressContactSerializer())]

    class Meta(Orderable.Meta):
        verbose_name = "perscontact"
        verbose_name_plural = "perscontacten"


class PressReleaseAttachment(TranslatableMixin, Orderable):
    """A photo (with credit and alt text) or a document journalists can download."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("soort", max_length=10, choices=AttachmentKind.choices, default=AttachmentKind.IMAGE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="afbeelding", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("titel", max_length=200, blank=True)
    alt = models.CharField("alternatieve tekst", max_length=250, blank=True)
    credit = models.CharField("fotograaf of bron", max_length=200, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("image"),
        FieldPanel("alt"),
        FieldPanel("credit"),
        FieldPanel("document"),
        FieldPanel("title"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("image"),
        APIField("document"),
        APIField("title"),
        APIField("alt"),
        APIField("credit"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == AttachmentKind.IMAGE:
            if not self.image_id:
                errors["image"] = "Kies een afbeelding."
            if not self.alt.strip():
                errors["alt"] = "Een afbeelding heeft een alternatieve tekst nodig."
        elif self.kind == AttachmentKind.DOCUMENT and not self.document_id:
            errors["document"] = "Kies een document."
        if errors:
            raise ValidationError(errors)
