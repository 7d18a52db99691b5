"""A crisis alert: what to say (headline and text per language), to which wijken, by which channels, and who said so.

The words live in `CrisisAlertText` (one row per language, Dutch required) because two
readers need them: the send path renders them through a message template made from them
(`compose.py`), and the public banner endpoint (`active.py`) shows them as they are.
An alert is shown on the banner from its confirmation until someone ends it (`ended_at`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from automation.languages import language_choices


class CrisisAlertQuerySet(models.QuerySet):
    def active(self):
        """Confirmed (so sent or being sent) and not ended: what the public banner shows."""
        return self.filter(
            status__in=[CrisisAlert.Status.CONFIRMED, CrisisAlert.Status.FANNED_OUT], ended_at__isnull=True
        )


class CrisisAlert(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "ontwerp"
        AWAITING_CONFIRMATION = "awaiting_confirmation", "wacht op bevestiging door een tweede persoon"
        CONFIRMED = "confirmed", "bevestigd: wordt verstuurd"
        FANNED_OUT = "fanned_out", "alle berichten aangemaakt"
        CANCELLED = "cancelled", "geannuleerd"

    title = models.CharField("titel (intern)", max_length=200)
    template = models.ForeignKey(
        "automation_messages.MessageTemplate", on_delete=models.PROTECT, related_name="crisis_alerts"
    )
    wijken = models.ManyToManyField("core.Wijk", blank=True, related_name="crisis_alerts", help_text="Leeg: heel Gent.")
    channels = models.JSONField(default=list, help_text='Bv. ["sms", "email"].')
    url = models.URLField("meer info (link)", blank=True, help_text="Optioneel: een pagina met meer uitleg.")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    fanned_out_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField("beëindigd op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CrisisAlertQuerySet.as_manager()

    class Meta:
        verbose_name = "crisisbericht"
        verbose_name_plural = "crisisberichten"
        ordering = ["-created_at", "-pk"]
        permissions = [("send_crisisalert", "Kan crisisberichten aanvragen en bevestigen")]
        indexes = [models.Index(fields=["status", "ended_at"], name="crisis_active_idx")]

    def __str__(self):
        return self.title

    @property
    def city_wide(self) -> bool:
        return not self.wijken.exists()


class CrisisAlertText(models.Model):
    """The alert's headline and text in one language, exactly as the citizen reads them."""

    alert = models.ForeignKey(CrisisAlert, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField("taal", max_length=8, choices=language_choices())
    headline = models.CharField("kop", max_length=120)
    body = models.TextField("tekst")

    class Meta:
        verbose_name = "crisistekst"
        verbose_name_plural = "crisisteksten"
        ordering = ["alert", "language"]
        constraints = [
            models.UniqueConstraint(fields=["alert", "language"], name="one_crisis_text_per_language"),
            models.CheckConstraint(condition=~Q(headline=""), name="crisis_text_has_headline"),
        ]

    def __str__(self):
        return f"{self.alert} ({self.language})"


from automation.crisis.cap.models import CapMessage  # noqa: E402,F401  (registers CAP messages with this app)
