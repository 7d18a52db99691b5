"""Events (activiteiten): what happens where and when, and whether to register."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.core.models import BasePage, ThemedPage, slugs_serializer
from cms.core.publishing import public_pages
from cms.core.schema_org import city, iso, place


class EventIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "overzicht activiteiten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = (
            public_pages(EventPage).child_of(self).filter(start__gte=timezone.now()).order_by("start")
        )
        return context


class EventPage(ThemedPage):
    start = models.DateTimeField("begin")
    end = models.DateTimeField("einde", null=True, blank=True)
    location_name = models.CharField("locatie", max_length=200, blank=True)
    address = models.CharField("adres", max_length=250, blank=True)
    wijk = models.ForeignKey(
        "core.Wijk", verbose_name="wijk", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    registration_required = models.BooleanField("inschrijven verplicht", default=False)
    registration_url = models.URLField("link om in te schrijven", blank=True)

    content_panels = (
        BasePage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                    FieldPanel("location_name"),
                    FieldPanel("address"),
                    FieldPanel("wijk"),
                ],
                heading="Wanneer en waar",
            ),
            MultiFieldPanel(
                [FieldPanel("registration_required"), FieldPanel("registration_url")], heading="Inschrijven"
            ),
        ]
        + ThemedPage.content_panels[1:]
    )
    search_fields = ThemedPage.search_fields + [
        index.FilterField("start"),
        index.FilterField("wijk_id"),
        index.SearchField("location_name"),
    ]
    api_fields = ThemedPage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("address"),
        APIField("wijk", serializer=slugs_serializer(many=False)),
        APIField("registration_required"),
        APIField("registration_url"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    schema_org_type = "Event"

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Het einde moet na het begin liggen."})

    def search_wijken(self) -> tuple[str, ...]:
        return (self.wijk.slug,) if self.wijk_id else ()

    def search_dates(self):
        """Every day the event runs, in Ghent's time zone."""
        start = timezone.localdate(self.start)
        end = timezone.localdate(self.end) if self.end else None
        return start, end if end and end > start else None

    def search_paragraphs(self) -> list[tuple[str, ...]]:
        return [(self.location_name, self.address)]

    def schema_org_properties(self, data: dict, request) -> dict:
        data["startDate"] = iso(self.start)
        if self.end:
            data["endDate"] = iso(self.end)
        data["eventStatus"] = "https://schema.org/EventScheduled"
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["organizer"] = city(request)
        name = self.location_name or (self.wijk.name if self.wijk_id else settings.WAGTAIL_SITE_NAME)
        data["location"] = place(name, self.address, self.wijk.postcode if self.wijk_id else "")
        if self.registration_url:
            data["offers"] = {"@type": "Offer", "url": self.registration_url}
        return data
