"""Where webhooks go (`WebhookEndpoint`) and every attempt to deliver one (`WebhookDelivery`).

Endpoints are rows, edited in Wagtail admin (a snippet, `wagtail_hooks.py`), not a
`CONTENT_WEBHOOKS` setting: the city adds and removes front ends (the citizen site, a
wijk app, the signage vendor) more often than it deploys, each has its own secret that an
administrator can rotate without a restart, and one can be switched off while its owner
fixes a broken receiver. Only users given the snippet permissions see or edit them.

A delivery keeps the exact body that was signed, so every retry sends the same bytes with
the same event id and a receiver can de-duplicate on it.
"""

from __future__ import annotations

import secrets
import uuid

from django.db import models
from wagtail.admin.panels import FieldPanel


def new_secret() -> str:
    return secrets.token_hex(32)


class WebhookEndpoint(models.Model):
    name = models.CharField("naam", max_length=120, help_text="Bv. 'Stadswebsite' of 'Schermen Ledeberg'.")
    url = models.URLField("URL", max_length=500, help_text="Krijgt een POST met JSON bij elke wijziging.")
    secret = models.CharField(
        "geheim", max_length=128, default=new_secret,
        help_text="Gedeeld met de ontvanger; die controleert er de handtekening (X-Vrijhaven-Signature) mee.",
    )
    active = models.BooleanField("actief", default=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("secret"), FieldPanel("active")]

    class Meta:
        verbose_name = "webhook"
        verbose_name_plural = "webhooks"
        ordering = ["name"]

    def __str__(self):
        return self.name


class WebhookEvent(models.TextChoices):
    PUBLISHED = "page.published", "Gepubliceerd"
    UNPUBLISHED = "page.unpublished", "Gedepubliceerd"
    MOVED = "page.moved", "Verplaatst"
    DELETED = "page.deleted", "Verwijderd"


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Wacht"
        SENDING = "sending", "Wordt verstuurd"
        DELIVERED = "delivered", "Afgeleverd"
        FAILED = "failed", "Mislukt"

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.UUIDField(default=uuid.uuid4, editable=False)
    event = models.CharField(max_length=32, choices=WebhookEvent.choices)
    page_id = models.PositiveIntegerField()  # no FK: a deleted page's event must outlive it
    body = models.TextField()  # the exact JSON that is signed and sent
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "webhook-aflevering"
        verbose_name_plural = "webhook-afleveringen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "updated_at"])]
        constraints = [models.UniqueConstraint(fields=["endpoint", "event_id"], name="unique_delivery_per_endpoint")]

    def __str__(self):
        return f"{self.event} {self.page_id} -> {self.endpoint_id} ({self.status})"
