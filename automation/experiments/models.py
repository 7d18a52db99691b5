"""A message experiment, its versions (arms), who was sent which version, and the rest held back.

An experiment hangs on one send step of one journey, named by the journey and the step's key:
the key survives new versions of the journey, so an edit does not end the experiment. The
first version is the control (the step as designed, unless the editor gives it words).

`Exposure` is the only new link to a citizen, and it is needed: a conversion (the next
milestone of *their* dossier, a click on *their* message) and a guardrail (*their*
unsubscribe, bounce or complaint) can only be counted for the version they were sent if we
know which one that was. The version itself is not stored as a draw: it is a hash of
experiment and citizen (cms.experiments.assignment), so the row records only the fact of
the exposure, when, and what followed. One row per citizen and experiment, so a citizen
counts once however many messages the experiment sent them; `MessageVariant` says per
message which version went out. When a citizen is erased the link goes (SET_NULL) and the
counts stay, anonymous.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from automation.channels.kinds import ChannelKind


class MessageExperiment(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "ontwerp"
        RUNNING = "running", "loopt"
        STOPPED = "stopped", "gestopt (iedereen krijgt de stap zoals ontworpen)"
        FINISHED = "finished", "afgerond (iedereen krijgt de gekozen versie)"

    class Outcome(models.TextChoices):
        MILESTONE = "milestone", "de volgende mijlpaal van het dossier binnen N dagen"
        CLICK = "click", "een klik op een link in het bericht"

    key = models.SlugField("sleutel", max_length=100, unique=True, help_text="Bepaalt wie welke versie krijgt: niet meer wijzigen zodra het loopt.")
    name = models.CharField("naam", max_length=200)
    journey = models.ForeignKey("journeys.Journey", on_delete=models.CASCADE, related_name="+", verbose_name="journey")
    step_key = models.CharField("verstuurstap (sleutel)", max_length=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    language = models.CharField(
        "taal van de versies", max_length=8, default="nl",
        help_text="Burgers die een andere taal lezen krijgen de stap zoals ontworpen en tellen niet mee.",
    )
    outcome = models.CharField("wat we meten", max_length=10, choices=Outcome.choices, default=Outcome.MILESTONE)
    outcome_milestone = models.ForeignKey(
        "dossiers.Milestone", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="mijlpaal"
    )
    outcome_days = models.PositiveSmallIntegerField("binnen (dagen)", default=14)
    outcome_phrase = models.CharField(
        "uitkomst in woorden", max_length=200, default="hun documenten in te dienen",
        help_text="Voor de conclusie: 'Versie B brengt … % meer mensen ertoe <uitkomst>'.",
    )
    test_share = models.PositiveSmallIntegerField(
        "testgroep (%)", default=100,
        help_text="Voor een nieuwsbrief, bv. 20: de rest wacht en krijgt daarna de winnende versie.",
    )
    rest_deadline = models.DateTimeField(
        "de rest uiterlijk versturen op", null=True, blank=True,
        help_text="Dan krijgt de rest de winnaar, of de controleversie als er nog geen winnaar is.",
    )
    winner = models.CharField("verstuurd aan de rest", max_length=40, blank=True)
    stopped_reason = models.TextField("waarom gestopt", blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "experiment op berichten"
        verbose_name_plural = "experimenten op berichten"
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["journey", "step_key", "status"])]

    def __str__(self):
        return self.name


class MessageArm(Orderable):
    """One version. Empty fields keep the step's own (its template, channels, send time)."""

    experiment = ParentalKey(MessageExperiment, on_delete=models.CASCADE, related_name="arms")
    name = models.CharField("naam", max_length=40, help_text="Bv. A, B, 'korte tekst'.")
    weight = models.PositiveSmallIntegerField("aandeel (%)", default=50)
    subject = models.CharField("onderwerp", max_length=200, blank=True, help_text="Alleen voor e-mail.")
    text = models.TextField("tekst", blank=True, help_text="Dezelfde plaatshouders als de sjablonen, bv. {{ dossier.id }}.")
    channel = models.CharField("kanaal", max_length=10, choices=ChannelKind.choices, blank=True)
    delay_hours = models.PositiveSmallIntegerField("later versturen (uren)", null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stopped_reason = models.TextField(blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "versie"
        verbose_name_plural = "versies"
        constraints = [models.UniqueConstraint(fields=["experiment", "name"], name="one_arm_name_per_experiment")]

    def __str__(self):
        return f"{self.experiment}: {self.name}"


class Exposure(models.Model):
    """A citizen was sent (or, in the rest group, was due) this experiment's step; what followed."""

    experiment = models.ForeignKey(MessageExperiment, on_delete=models.CASCADE, related_name="exposures")
    arm = models.ForeignKey(MessageArm, on_delete=models.CASCADE, related_name="exposures")
    citizen = models.ForeignKey("contacts.Citizen", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    dossier = models.ForeignKey("dossiers.Dossier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    exposed_at = models.DateTimeField()
    converted_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "citizen"], condition=Q(citizen__isnull=False), name="one_exposure_per_citizen"
            )
        ]
        indexes = [models.Index(fields=["experiment", "arm"])]

    def __str__(self):
        return f"{self.experiment_id}/{self.arm_id}: {self.citizen_id}"


class MessageVariant(models.Model):
    """Which experiment and version one message went out in."""

    message = models.OneToOneField("automation_messages.Message", on_delete=models.CASCADE, related_name="variant")
    exposure = models.ForeignKey(Exposure, on_delete=models.CASCADE, related_name="messages")
    arm = models.ForeignKey(MessageArm, on_delete=models.CASCADE, related_name="+", help_text="De versie die verstuurd werd.")

    def __str__(self):
        return f"{self.message_id}: {self.arm}"


class HeldSend(models.Model):
    """A newsletter's step held back for the rest group, until the winner is known; sent once."""

    class Status(models.TextChoices):
        WAITING = "waiting", "wacht op de winnaar"
        SENDING = "sending", "wordt verstuurd"
        SENT = "sent", "verstuurd"

    experiment = models.ForeignKey(MessageExperiment, on_delete=models.CASCADE, related_name="held")
    enrolment = models.ForeignKey("journeys.Enrolment", on_delete=models.CASCADE, related_name="+")
    step = models.ForeignKey("journeys.JourneyStep", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    arm_sent = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["experiment", "enrolment", "step"], name="one_held_send_per_enrolment_step")
        ]
        indexes = [models.Index(fields=["experiment", "status"])]

    def __str__(self):
        return f"{self.experiment_id}: {self.enrolment_id} ({self.status})"
