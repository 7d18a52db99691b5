"""Message templates, the messages rendered from them, and every status a message went through.

A `Message` row exists, rendered and with status `created`, before any task hears of it
(persist first, then queue its id). Tasks move it on only through a compare-and-set on the
status, and each move appends a `MessageStatusChange`, so the message log can show a
message's whole life. One message per enrolment, step and channel (a unique constraint):
running a step twice cannot send twice.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q

from automation.channels.kinds import ChannelKind
from automation.languages import fallback_language, language_choices
from automation.purposes import Purpose


class MessageTemplate(models.Model):
    """A reusable message, with one `TemplateContent` per channel and language."""

    slug = models.SlugField("sleutel", max_length=100, unique=True)
    name = models.CharField("naam", max_length=200)
    description = models.TextField("omschrijving", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "berichtsjabloon"
        verbose_name_plural = "berichtsjablonen"
        ordering = ["name"]

    def __str__(self):
        return self.name


class TemplateContent(models.Model):
    """The words of a template for one channel in one language (Django template syntax, a safe subset)."""

    template = models.ForeignKey(MessageTemplate, on_delete=models.CASCADE, related_name="contents")
    channel = models.CharField(max_length=10, choices=ChannelKind.choices)
    language = models.CharField(max_length=8, choices=language_choices(), default=fallback_language)
    subject = models.CharField("onderwerp", max_length=200, blank=True, help_text="Alleen voor e-mail.")
    body_text = models.TextField("tekst", help_text="Platte tekst; voor sms het hele bericht.")
    body_html = models.TextField("HTML", blank=True, help_text="Leeg: afgeleid van de tekst.")

    class Meta:
        verbose_name = "sjabloontekst"
        verbose_name_plural = "sjabloonteksten"
        constraints = [
            models.UniqueConstraint(fields=["template", "channel", "language"], name="one_content_per_channel_language")
        ]

    def __str__(self):
        return f"{self.template} ({self.channel}, {self.language})"


class Message(models.Model):
    class Status(models.TextChoices):
        CREATED = "created", "aangemaakt"
        SENDING = "sending", "wordt verstuurd"
        SENT = "sent", "verstuurd"
        DELIVERED = "delivered", "afgeleverd"
        FAILED = "failed", "mislukt"
        SUPPRESSED = "suppressed", "tegengehouden"  # no consent (any more) or address suppressed

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(max_length=10, choices=ChannelKind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CREATED)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.SERVICE)
    citizen = models.ForeignKey(
        "contacts.Citizen", null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    recipient = models.CharField("ontvanger", max_length=254)
    language = models.CharField(max_length=8)
    subject = models.CharField(max_length=300, blank=True)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    journey = models.ForeignKey(
        "journeys.Journey", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    enrolment = models.ForeignKey(
        "journeys.Enrolment", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    step = models.ForeignKey(
        "journeys.JourneyStep", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    template = models.ForeignKey(
        MessageTemplate, null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    event = models.ForeignKey(
        "dossiers.DossierEvent", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    milestone = models.CharField(max_length=100, blank=True)
    crisis_alert = models.ForeignKey(
        "crisis.CrisisAlert", null=True, blank=True, on_delete=models.SET_NULL, db_index=False, related_name="messages"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider = models.CharField(max_length=100, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Not to be sent before this moment (SMS quiet hours); the sweep queues it again then.
    not_before = models.DateTimeField(null=True, blank=True)
    # A worker was lost while sending it: the provider may have it already. Before sending
    # again, ask the provider (where it can tell) instead of sending twice.
    in_doubt = models.BooleanField(default=False)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "step", "channel"],
                condition=Q(enrolment__isnull=False),
                name="one_message_per_enrolment_step_channel",
            ),
            models.UniqueConstraint(
                fields=["crisis_alert", "citizen", "channel"],
                condition=Q(crisis_alert__isnull=False),
                name="one_message_per_crisis_alert_citizen_channel",
            ),
        ]
        # Partial indexes: a row is in an index only while it has what the index finds it
        # by. A broadcast text has no journey, step, dossier or event, and a move of its
        # status (created -> sending -> sent, each not a HOT update) then writes into six
        # indexes instead of fourteen. Enrolment and crisis alert are found through the
        # unique constraints above, which begin with them.
        indexes = [
            # the stuck-message sweep: only messages still on their way
            models.Index(
                fields=["status", "updated_at"], condition=Q(status__in=["created", "sending"]), name="message_on_its_way"
            ),
            # tracking webhooks
            models.Index(fields=["provider_message_id"], condition=~Q(provider_message_id=""), name="message_provider_id"),
            models.Index(fields=["journey"], condition=Q(journey__isnull=False), name="message_journey"),
            models.Index(fields=["step"], condition=Q(step__isnull=False), name="message_step"),
            models.Index(fields=["template"], condition=Q(template__isnull=False), name="message_template"),
            models.Index(fields=["dossier"], condition=Q(dossier__isnull=False), name="message_dossier"),
            models.Index(fields=["event"], condition=Q(event__isnull=False), name="message_event"),
        ]

    def __str__(self):
        return f"{self.channel} {self.reference} ({self.status})"


class MessageStatusChange(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=12, choices=Message.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Message.Status.choices)
    at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.message_id}: {self.from_status or '-'} -> {self.to_status}"


class DeliveryEvent(models.Model):
    """What a provider reported about a message (ESP tracking webhook, SMS delivery receipt).

    Stored once per (provider, event_id): providers retry their webhooks, and a repeated
    report must not count twice in the charts or move a status twice.
    """

    class Kind(models.TextChoices):
        DELIVERED = "delivered", "afgeleverd"
        BOUNCED = "bounced", "bounce (definitief)"
        DEFERRED = "deferred", "uitgesteld (tijdelijk)"
        REJECTED = "rejected", "geweigerd door de provider"
        FAILED = "failed", "mislukt"
        COMPLAINED = "complained", "als spam gemeld"
        OPENED = "opened", "geopend"
        CLICKED = "clicked", "link geklikt"
        UNSUBSCRIBED = "unsubscribed", "afgemeld"
        OTHER = "other", "ander"

    provider = models.CharField(max_length=50)
    event_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="delivery_events"
    )
    provider_message_id = models.CharField(max_length=200, blank=True)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="one_delivery_event_per_provider_id")
        ]
        indexes = [models.Index(fields=["kind", "occurred_at"])]

    def __str__(self):
        return f"{self.provider} {self.kind} for {self.message_id}"
