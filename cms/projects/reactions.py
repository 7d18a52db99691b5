"""A citizen's reaction to a project phase, and its moderation status.

Stored with the phase it answers (the source-language phase: a reaction given on the
English page counts with the Dutch one). Contact details are kept only with explicit
consent (`contact_consent`); without it the row holds nothing that names a person. The
wijk a citizen may choose is for the count per wijk, not shown with the text. Reactions
are never shown publicly: the team answers them together, per phase ("wat we met uw
inbreng deden", `ProjectPhase.outcome`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ReactionStatus(models.TextChoices):
    NEW = "new", "te modereren"
    ACCEPTED = "accepted", "aanvaard"
    REJECTED = "rejected", "geweigerd (spam, beledigend, off-topic)"


class Reaction(models.Model):
    project = models.ForeignKey(
        "projects.ProjectPage", verbose_name="project", on_delete=models.CASCADE, related_name="reactions"
    )
    phase = models.ForeignKey(
        "projects.ProjectPhase", verbose_name="fase", on_delete=models.CASCADE, related_name="reactions"
    )
    text = models.TextField("reactie")
    answer = models.CharField("antwoord op de vraag", max_length=500, blank=True)
    wijk = models.ForeignKey(
        "core.Wijk", verbose_name="wijk", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField("taal", max_length=8, default="nl")
    contact_consent = models.BooleanField("toestemming om contact op te nemen", default=False)
    name = models.CharField("naam", max_length=200, blank=True)
    email = models.EmailField("e-mail", blank=True)
    status = models.CharField("status", max_length=10, choices=ReactionStatus.choices, default=ReactionStatus.NEW)
    created_at = models.DateTimeField("ontvangen", auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField("gemodereerd", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemodereerd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "reactie"
        verbose_name_plural = "reacties"
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Contact details only with consent: a row without it names no one.
            models.CheckConstraint(
                name="reaction_contact_needs_consent",
                condition=Q(contact_consent=True) | Q(name="", email=""),
            ),
        ]

    def __str__(self):
        return f"{self.project.title}: {self.text[:60]}"
