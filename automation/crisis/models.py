"""A crisis alert: what to say (a message template, per channel and language), to which wijken, and who said so."""

from __future__ import annotations

from django.conf import settings
from django.db import models


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
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    fanned_out_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "crisisbericht"
        verbose_name_plural = "crisisberichten"
        ordering = ["-created_at", "-pk"]
        permissions = [("send_crisisalert", "Kan crisisberichten aanvragen en bevestigen")]

    def __str__(self):
        return self.title
