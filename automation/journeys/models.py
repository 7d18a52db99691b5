"""Journeys as editors will build them in Wagtail admin: trigger, conditions, steps, versions.

A `Journey` is the thing editors name and switch on; its content lives in immutable
`JourneyVersion`s. New enrolments use the journey's `live_version`; an enrolment keeps the
version it began on until it ends, so editing a journey never changes a run in flight.

A version has:
- triggers: what starts an enrolment (a dossier type's milestone, a page published for a
  wijk or theme, a new subscription, a schedule) or, with action `exit`, what ends the
  running enrolments of the same dossier;
- conditions, all of which must hold for a citizen to be enrolled (language, wijk,
  consent, an attribute of the event's data);
- steps: send (a template over an ordered list of channels, to all of them or the first
  the citizen can receive), wait (a duration, or until a time of day), branch (on the
  outcome of an earlier send) and exit.

Rows, not a StreamField, because the runtime points at them: messages and enrolments keep
foreign keys to the step they came from. Editors do not edit these rows: they edit the
journey's design (three StreamFields on `Journey`, see blocks.py and versioning.py), and
saving a changed design builds the rows of a new version.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from wagtail.fields import StreamField

from automation.channels.kinds import ChannelKind
from automation.journeys.blocks import ConditionsBlock, StepsBlock, TriggersBlock
from automation.purposes import Purpose


class Journey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "ontwerp"
        ACTIVE = "active", "actief"
        PAUSED = "paused", "gepauzeerd"  # no new enrolments; running ones finish
        ARCHIVED = "archived", "gearchiveerd"

    slug = models.SlugField("sleutel", max_length=100, unique=True)
    name = models.CharField("naam", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    purpose = models.CharField("doel", max_length=12, choices=Purpose.choices, default=Purpose.SERVICE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    live_version = models.ForeignKey(
        "JourneyVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trigger_design = StreamField(
        TriggersBlock(), verbose_name="starten en stoppen", blank=True, help_text="Wat een deelname start of stopt."
    )
    condition_design = StreamField(
        ConditionsBlock(), verbose_name="voorwaarden", blank=True, help_text="Alle voorwaarden moeten kloppen."
    )
    step_design = StreamField(StepsBlock(), verbose_name="stappen", blank=True, help_text="In volgorde uitgevoerd.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "journey"
        verbose_name_plural = "journeys"
        ordering = ["name"]

    def __str__(self):
        return self.name


class JourneyVersion(models.Model):
    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("versie")
    note = models.TextField("wat is er veranderd", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The design this version was built from (block ids left out): a save that changes
    # nothing in it makes no new version.
    definition = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["journey", "number"]
        constraints = [models.UniqueConstraint(fields=["journey", "number"], name="one_version_number_per_journey")]

    def __str__(self):
        return f"{self.journey} v{self.number}"


class JourneyStep(models.Model):
    class Kind(models.TextChoices):
        SEND = "send", "versturen"
        WAIT = "wait", "wachten"
        BRANCH = "branch", "splitsen"
        EXIT = "exit", "stoppen"

    class Delivery(models.TextChoices):
        ALL = "all", "elk kanaal dat de burger kan ontvangen"
        FIRST = "first", "het eerste kanaal dat de burger kan ontvangen (terugval)"

    class BranchOn(models.TextChoices):
        NOT_DELIVERED = "not_delivered", "bericht niet afgeleverd (bounce, mislukt of tegengehouden)"
        CONSENT = "consent", "burger gaf toestemming voor een kanaal"

    version = models.ForeignKey(JourneyVersion, on_delete=models.CASCADE, related_name="steps")
    key = models.SlugField("sleutel", max_length=100)
    position = models.PositiveSmallIntegerField("volgorde", default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    next_step = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # send
    template = models.ForeignKey(
        "automation_messages.MessageTemplate", null=True, blank=True, on_delete=models.PROTECT, related_name="steps"
    )
    channels = models.JSONField(
        "kanalen", default=list, blank=True, help_text='In volgorde van voorkeur, bv. ["email", "sms", "letter"].'
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.ALL)
    # wait
    wait_duration = models.DurationField(null=True, blank=True)
    wait_until = models.TimeField(null=True, blank=True, help_text="Tijdstip (Europe/Brussels) om verder te gaan.")
    # branch
    branch_on = models.CharField(max_length=20, choices=BranchOn.choices, blank=True)
    branch_on_step = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    branch_step = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="one_step_key_per_version"),
            models.CheckConstraint(
                name="send_step_has_template", condition=~Q(kind="send") | Q(template__isnull=False)
            ),
        ]

    def __str__(self):
        return f"{self.version}: {self.key}"

    def channel_order(self) -> list[ChannelKind]:
        return [ChannelKind(value) for value in self.channels]


class JourneyTrigger(models.Model):
    class Kind(models.TextChoices):
        MILESTONE = "milestone", "mijlpaal in een dossier"
        PAGE_PUBLISHED = "page_published", "pagina gepubliceerd voor een wijk of thema"
        SUBSCRIPTION = "subscription", "nieuw abonnement"
        SCHEDULE = "schedule", "schema (bv. wekelijks)"
        PROJECT_PHASE = "project_phase", "project gaat naar een andere fase"
        PROJECT_EVENT = "project_event", "activiteit gepland voor een project"

    class Action(models.TextChoices):
        ENROL = "enrol", "starten"
        EXIT = "exit", "lopende deelnames voor dit dossier stoppen"

    version = models.ForeignKey(JourneyVersion, on_delete=models.CASCADE, related_name="triggers")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.ENROL)
    milestone = models.ForeignKey(
        "dossiers.Milestone", null=True, blank=True, on_delete=models.PROTECT, related_name="journey_triggers"
    )
    wijk = models.ForeignKey("core.Wijk", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey("core.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    subscription_kind = models.CharField(max_length=20, blank=True, help_text="Soort abonnement (contacts).")
    schedule = models.CharField(max_length=100, blank=True, help_text='Cron-uitdrukking, bv. "0 8 * * 1".')
    only_with_news = models.BooleanField(
        "alleen als er nieuwe pagina's zijn", default=True, help_text="Voor een schema: niets versturen zonder nieuws."
    )
    entry_step = models.ForeignKey(
        JourneyStep,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Waar de deelname begint. Leeg: de mijlpaal wordt herkend maar er wordt niets verstuurd.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="milestone_trigger_names_milestone",
                condition=~Q(kind="milestone") | Q(milestone__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.version}: {self.get_kind_display()} {self.milestone or ''}".strip()


class JourneyCondition(models.Model):
    """One condition on the citizen or event; all of a version's conditions must hold."""

    class Field(models.TextChoices):
        LANGUAGE = "language", "taal"
        WIJK = "wijk", "wijk (slug)"
        CONSENT = "consent", "toestemming voor kanaal (sleutel = kanaal)"
        ATTRIBUTE = "attribute", "gegeven uit het event (sleutel = pad in data, bv. adres.postcode)"

    class Operator(models.TextChoices):
        EQUALS = "equals", "is"
        NOT_EQUALS = "not_equals", "is niet"
        IN = "in", "is een van (komma's)"
        PRESENT = "present", "is ingevuld / gegeven"

    version = models.ForeignKey(JourneyVersion, on_delete=models.CASCADE, related_name="conditions")
    field = models.CharField(max_length=20, choices=Field.choices)
    key = models.CharField(max_length=200, blank=True)
    operator = models.CharField(max_length=20, choices=Operator.choices, default=Operator.EQUALS)
    value = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return f"{self.get_field_display()} {self.key} {self.get_operator_display()} {self.value}".strip()


class Enrolment(models.Model):
    """One citizen's run through one journey version, started by one event (at most once)."""

    class Status(models.TextChoices):
        ACTIVE = "active", "bezig"
        WAITING = "waiting", "wacht"
        COMPLETED = "completed", "afgerond"
        EXITED = "exited", "gestopt door mijlpaal"
        FAILED = "failed", "mislukt"

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="enrolments")
    version = models.ForeignKey(JourneyVersion, on_delete=models.PROTECT, related_name="enrolments")
    trigger = models.ForeignKey(JourneyTrigger, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    citizen = models.ForeignKey(
        "contacts.Citizen", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    event = models.ForeignKey(
        "dossiers.DossierEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    current_step = models.ForeignKey(JourneyStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    wake_at = models.DateTimeField(null=True, blank=True)
    # What started it when no dossier event did: "page:<translation key>",
    # "subscription:<id>", "schedule:<period start>", "project-phase:<project id>:<n>",
    # "project-event:<project id>:<event id>". One enrolment per journey, citizen
    # and occasion, so a republished page or a second beat in one period sends nothing.
    occasion = models.CharField(max_length=120, blank=True)
    # Extra placeholders for its messages (the page published, the pages of a digest).
    context = models.JSONField(default=dict, blank=True)
    detail = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The heart of "exactly once per event": one enrolment per journey and event.
            models.UniqueConstraint(
                fields=["journey", "event"], condition=Q(event__isnull=False), name="one_enrolment_per_journey_event"
            ),
            models.UniqueConstraint(
                fields=["journey", "citizen", "occasion"],
                condition=~Q(occasion=""),
                name="one_enrolment_per_journey_citizen_occasion",
            ),
        ]
        indexes = [models.Index(fields=["status", "wake_at"])]

    def __str__(self):
        return f"{self.journey} for {self.citizen_id} ({self.status})"


class ScheduleRun(models.Model):
    """One run of a journey's schedule trigger for one period, claimed by inserting this row."""

    trigger = models.ForeignKey(JourneyTrigger, on_delete=models.CASCADE, related_name="schedule_runs")
    period = models.CharField(max_length=40, help_text="Begin van de periode (ISO 8601, Europe/Brussels).")
    enrolled = models.PositiveIntegerField(default=0)
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["trigger", "period"], name="one_schedule_run_per_period")]

    def __str__(self):
        return f"{self.trigger} {self.period}"


class ProjectWatch(models.Model):
    """What automation last saw of a project: its current phase and its public events.

    A project page is published for many reasons (a typo fixed, a document added); only a
    change of the current phase, or a public event newly linked, is news for its followers.
    The row is the memory that tells the two apart (project_news.py); the first time a
    project is seen, it is only remembered.
    """

    project = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    phase_key = models.UUIDField("huidige fase (translation key)", null=True, blank=True)
    phase_changes = models.PositiveIntegerField("faseovergangen", default=0)
    event_ids = models.JSONField("aangekondigde activiteiten", default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "gevolgd project"
        verbose_name_plural = "gevolgde projecten"

    def __str__(self):
        return f"project {self.project_id}: fase {self.phase_key}"


class StepPassage(models.Model):
    """That one enrolment reached one step (once, however often it ran): the "entered" of the journey diagram.

    An enrolment only remembers its current step; without this row a wait or branch step an
    enrolment has left leaves no trace, and the diagram could not say how many got that far.
    """

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="passages")
    step = models.ForeignKey(JourneyStep, on_delete=models.CASCADE, related_name="passages")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "doorgang door een stap"
        verbose_name_plural = "doorgangen door stappen"
        constraints = [models.UniqueConstraint(fields=["enrolment", "step"], name="one_passage_per_enrolment_step")]

    def __str__(self):
        return f"{self.enrolment_id} at {self.step_id}"
