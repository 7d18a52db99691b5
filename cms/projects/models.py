"""City projects (the Gentse Projecten): phases, documents and whether citizens can still
weigh in.

The policy note asks the city to say clearly whether policy is still being shaped (your
input is welcome) or already decided; `participation_status` is that statement.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.core.models import BasePage, TaggedPage
from cms.core.publishing import public_pages
from cms.core.schema_org import city, place
from cms.projects.forms import ProjectPageForm
from cms.projects.input_windows import PARTICIPATION_SCHEMA, phase_accepts_input, project_participation
from cms.projects.phases import SINGLE_CURRENT_PHASE_MESSAGE, has_several_current_phases


class ParticipationStatus(models.TextChoices):
    IN_DEVELOPMENT = "in_development", "Beleid in ontwikkeling: uw inbreng is welkom"
    DECIDED = "decided", "Beslist beleid"


class ProjectDocumentKind(models.TextChoices):
    PLAN = "plan", "Plan"
    PRESENTATION = "presentation", "Presentatie"
    REPORT = "report", "Verslag"


class ProjectIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "overzicht projecten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = public_pages(ProjectPage).child_of(self).order_by("title")
        return context


class ProjectPage(TaggedPage):
    programme = models.CharField("programma", max_length=200, blank=True, help_text="Bv. Stadsvernieuwing, Ringvaart.")
    participation_status = models.CharField(
        "inspraak", max_length=20, choices=ParticipationStatus.choices, default=ParticipationStatus.IN_DEVELOPMENT
    )
    location = models.CharField("locatie", max_length=250, blank=True)
    latitude = models.DecimalField("breedtegraad", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("lengtegraad", max_digits=9, decimal_places=6, null=True, blank=True)

    base_form_class = ProjectPageForm
    content_panels = (
        BasePage.content_panels[:1]
        + [FieldPanel("programme"), FieldPanel("participation_status")]
        + TaggedPage.content_panels[1:]
        + [
            MultiFieldPanel(
                [FieldPanel("location"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
                heading="Locatie",
            ),
            InlinePanel("phases", heading="Fasen", label="fase"),
            InlinePanel(
                "event_links",
                heading="Activiteiten",
                label="activiteit",
                help_text="Wandelingen, infoavonden... uit de lijst activiteiten die bij dit project horen.",
            ),
            InlinePanel("documents", heading="Documenten", label="document"),
        ]
    )
    search_fields = TaggedPage.search_fields + [
        index.SearchField("programme"),
        index.SearchField("location"),
        index.FilterField("participation_status"),
    ]
    api_fields = TaggedPage.api_fields + [
        APIField("programme"),
        APIField("participation_status"),
        APIField("location"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("phases"),
        APIField("documents"),
        APIField("participation"),
    ]
    # Schemas of the api_fields that are not model fields (cms/api/schemas.py reads them).
    api_schemas = {"participation": PARTICIPATION_SCHEMA}

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    schema_org_type = "Project"

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"

    def clean(self):
        super().clean()
        if has_several_current_phases(phase.is_current for phase in self.phases.all()):
            raise ValidationError(SINGLE_CURRENT_PHASE_MESSAGE)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Geef zowel breedte- als lengtegraad, of geen van beide."})

    @property
    def current_phase(self):
        return next((phase for phase in self.phases.all() if phase.is_current), None)

    def participation(self) -> dict:
        """Whether and until when citizens can react, the question, the linked events, the answers given."""
        return project_participation(self)

    def search_dates(self):
        """From the first phase's start to the last phase's end."""
        phases = list(self.phases.all())
        starts = [phase.start for phase in phases if phase.start]
        ends = [phase.end for phase in phases if phase.end]
        start = min(starts) if starts else None
        end = max(ends) if ends else None
        return start, end if start and end and end > start else None

    def search_paragraphs(self) -> list[tuple[str, ...]]:
        return (
            [(self.programme, self.location, self.get_participation_status_display())]
            + [(phase.title, phase.description) for phase in self.phases.all()]
            + [(document.title,) for document in self.documents.all()]
        )

    def schema_org_properties(self, data: dict, request) -> dict:
        data["parentOrganization"] = city(request)
        if self.location or self.latitude is not None:
            location = place(self.location or self.title)
            if self.latitude is not None and self.longitude is not None:
                location["geo"] = {"@type": "GeoCoordinates", "latitude": float(self.latitude),
                                   "longitude": float(self.longitude)}
            data["location"] = location
        return data


class ProjectPhase(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField("titel", max_length=200)
    start = models.DateField("begin", null=True, blank=True)
    end = models.DateField("einde", null=True, blank=True)
    description = models.TextField("omschrijving", blank=True)
    is_current = models.BooleanField("huidige fase", default=False)
    input_open = models.BooleanField(
        "open voor inbreng", default=False, help_text="Burgers kunnen in deze fase reageren via een formulier."
    )
    input_until = models.DateField(
        "inbreng mogelijk tot en met", null=True, blank=True, help_text="Verplicht als de fase open is voor inbreng."
    )
    question = models.CharField(
        "vraag aan de burgers", max_length=300, blank=True, help_text="Optioneel. Bv. Wat vindt u belangrijker?"
    )
    question_options = models.TextField(
        "keuzes",
        blank=True,
        help_text="Optioneel: één keuze per regel (het dilemma). Leeg: de vraag krijgt een open antwoord.",
    )
    outcome = models.TextField(
        "wat we met uw inbreng deden",
        blank=True,
        help_text="Wordt getoond op de projectpagina. Schrijf eenvoudig: wat hebt u gehoord, wat verandert er?",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
        FieldPanel("is_current"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("input_open"), FieldPanel("input_until")]),
                FieldPanel("question"),
                FieldPanel("question_options"),
                FieldPanel("outcome"),
            ],
            heading="Inbreng van burgers",
        ),
    ]
    api_fields = [
        APIField("title"),
        APIField("start"),
        APIField("end"),
        APIField("description"),
        APIField("is_current"),
        APIField("outcome"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "fase"
        verbose_name_plural = "fasen"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Een fase kan niet eindigen voor ze begint."})
        if self.input_open and self.input_until is None:
            raise ValidationError({"input_until": "Geef de laatste dag waarop burgers kunnen reageren."})
        if len(self.choices()) == 1:
            raise ValidationError({"question_options": "Geef minstens twee keuzes, of geen (dan is de vraag open)."})
        if self.choices() and not self.question:
            raise ValidationError({"question": "Keuzes horen bij een vraag: schrijf de vraag."})

    def choices(self) -> list[str]:
        """The options of the phase's question, one per line; [] for an open question."""
        return [line.strip() for line in self.question_options.splitlines() if line.strip()]

    def accepts_input(self, *, today=None) -> bool:
        return phase_accepts_input(self, today=today)


class ProjectEventLink(Orderable):
    """An event (activiteit) that belongs to this project: shown on the project page, announced to followers."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey("wagtailcore.Page", verbose_name="activiteit", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("event", page_type="events.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = "activiteit van het project"
        verbose_name_plural = "activiteiten van het project"


class ProjectDocument(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("soort", max_length=20, choices=ProjectDocumentKind.choices)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="document", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("titel", max_length=200)

    panels = [FieldPanel("kind"), FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("kind"), APIField("document"), APIField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "projectdocument"
        verbose_name_plural = "projectdocumenten"

    def __str__(self):
        return self.title


from cms.projects.reactions import Reaction, ReactionStatus  # noqa: E402,F401  the app's other models
