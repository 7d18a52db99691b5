"""Dossiers, the catalogue of their types and milestones, and the milestone events we receive.

A `DossierEvent` is stored exactly once per (source, event_id): a unique constraint, not
a check-then-insert, so two deliveries racing each other cannot both win. It is stored
before anything else happens and then processed by a task; its status says how far it got
and whether any journey listened (`unmatched` is what the admin shows for a milestone no
journey handles).

The catalogue (`DossierType`, `Milestone`) is what editors pick from when they build a
journey's trigger; events for types or milestones not in it are still stored, and show as
unmatched.
"""

from __future__ import annotations

from django.db import models


class DossierType(models.Model):
    code = models.SlugField("code", max_length=100, unique=True, help_text="Zoals het dossiersysteem hem noemt.")
    name = models.CharField("naam", max_length=200)

    class Meta:
        verbose_name = "dossiertype"
        verbose_name_plural = "dossiertypes"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Milestone(models.Model):
    dossier_type = models.ForeignKey(DossierType, on_delete=models.CASCADE, related_name="milestones")
    code = models.SlugField("code", max_length=100)
    name = models.CharField("naam", max_length=200)
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"
        ordering = ["dossier_type", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["dossier_type", "code"], name="one_milestone_code_per_type")]

    def __str__(self):
        return f"{self.dossier_type.name}: {self.name}"


class Dossier(models.Model):
    source = models.CharField("bron", max_length=100)
    external_id = models.CharField("dossiernummer", max_length=100)
    type = models.CharField("type", max_length=100)
    citizen = models.ForeignKey(
        "contacts.Citizen", null=True, blank=True, on_delete=models.SET_NULL, related_name="dossiers"
    )
    last_milestone = models.CharField("laatste mijlpaal", max_length=100, blank=True)
    last_event_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="one_dossier_per_source_id")]
        indexes = [models.Index(fields=["external_id"])]

    def __str__(self):
        return self.external_id


class DossierEvent(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "ontvangen"  # stored, not yet processed
        PROCESSED = "processed", "verwerkt"  # at least one journey listened
        UNMATCHED = "unmatched", "geen journey"  # stored, but no journey listens to this milestone
        FAILED = "failed", "mislukt"

    source = models.CharField("bron", max_length=100)
    event_id = models.CharField("event-id", max_length=200)
    dossier_ref = models.CharField("dossiernummer", max_length=100)
    dossier_type = models.CharField("dossiertype", max_length=100)
    milestone = models.CharField("mijlpaal", max_length=100)
    citizen_ref = models.CharField("burger", max_length=200)
    occurred_at = models.DateTimeField("gebeurd op")
    received_at = models.DateTimeField("ontvangen op", auto_now_add=True)
    # The validated, normalised body (phone in E.164, wijk as slug); what processing reads.
    payload = models.JSONField()
    # Hash of the raw body, to notice a repeat that reuses an event_id for different content.
    body_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    status_detail = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    dossier = models.ForeignKey(Dossier, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    citizen = models.ForeignKey(
        "contacts.Citizen", null=True, blank=True, on_delete=models.SET_NULL, related_name="dossier_events"
    )

    class Meta:
        verbose_name = "dossiergebeurtenis"
        verbose_name_plural = "dossiergebeurtenissen"
        ordering = ["-received_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["source", "event_id"], name="one_event_per_source_and_id")]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["dossier_type", "milestone"]),
        ]

    def __str__(self):
        return f"{self.source}/{self.event_id}: {self.dossier_ref} {self.milestone}"
