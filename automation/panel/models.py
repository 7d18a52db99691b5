"""The test panel's members, the pretests sent to them, the invitations and the anonymous answers.

Panel data is personal data, so a member holds only what sampling needs (wijk, language)
and the proof of consent (which text version, when asked, when confirmed, how); the
address lives on the `Citizen` the member is, as for every other message. Leaving the
panel deletes the member row (automation/panel/joining.py).

Answers are anonymous by construction: a `PretestResponse` has no link to an invitation,
a member or a citizen. The invitation only records *that* its token was used (its
status, set once by compare-and-set, with no time), which is what makes "one answer per token"
hold without keeping who answered what.

A pretest keeps what it tested: the draft's title and text as they were when it was
sent, and the cloze test made from them, so later edits to the page do not change what
the answers are scored against.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from automation.languages import fallback_language, language_choices


class PanelMember(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "wacht op bevestiging"
        ACTIVE = "active", "actief"

    citizen = models.OneToOneField("contacts.Citizen", on_delete=models.CASCADE, related_name="panel_member")
    wijk = models.ForeignKey("core.Wijk", verbose_name="wijk", on_delete=models.PROTECT, related_name="+")
    language = models.CharField("taal", max_length=8, choices=language_choices(), default=fallback_language)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    consent_version = models.CharField(
        "versie toestemmingstekst", max_length=40, help_text="De tekst die de burger las (automation/panel/consent.py)."
    )
    consent_source = models.CharField("hoe", max_length=100, help_text="Waar de toestemming gevraagd werd.")
    asked_at = models.DateTimeField("aangevraagd")
    mailed_at = models.DateTimeField("bevestigingsmail verstuurd", null=True, blank=True)
    confirmed_at = models.DateTimeField("bevestigd (toestemming)", null=True, blank=True)

    class Meta:
        verbose_name = "panellid"
        verbose_name_plural = "panelleden"
        indexes = [models.Index(fields=["status", "wijk", "language"])]

    def __str__(self):
        return f"panellid {self.pk} ({self.get_status_display()})"


class Pretest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "klaar om te versturen"
        SENT = "sent", "verstuurd"

    name = models.CharField("naam", max_length=200)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message_template = models.ForeignKey(
        "automation_messages.MessageTemplate", verbose_name="berichtsjabloon", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    revision_id = models.PositiveIntegerField(null=True, blank=True, help_text="De revisie van de pagina die getest werd.")
    language = models.CharField("taal", max_length=8, choices=language_choices(), default=fallback_language)
    title = models.CharField("titel van de tekst", max_length=300)
    text = models.TextField("getoonde tekst")
    cloze = models.JSONField("cloze-test", default=dict)
    questions = models.JSONField("vragen", default=list)
    sample_size = models.PositiveIntegerField("steekproef", default=20)
    wijken = models.ManyToManyField("core.Wijk", verbose_name="wijken", blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "pretest"
        verbose_name_plural = "pretests"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """One member asked to answer one pretest; its token (stored only as a hash) opens the form once."""

    class Status(models.TextChoices):
        INVITED = "invited", "uitgenodigd"
        ANSWERED = "answered", "beantwoord"
        WITHDRAWN = "withdrawn", "ingetrokken (lid stapte uit)"

    pretest = models.ForeignKey(Pretest, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(PanelMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations")
    token_sha256 = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    message = models.ForeignKey("automation_messages.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.UniqueConstraint(
                fields=["pretest", "member"], condition=Q(member__isnull=False), name="one_invitation_per_member"
            )
        ]


class PretestResponse(models.Model):
    """One anonymous answer: no invitation, member or citizen, only the pretest and what was filled in."""

    pretest = models.ForeignKey(Pretest, on_delete=models.CASCADE, related_name="responses")
    answers = models.JSONField(default=dict)  # question key -> 1..5 or text
    cloze_given = models.JSONField(default=list)
    cloze_right = models.JSONField(default=list)  # per gap: true/false
    cloze_correct = models.PositiveIntegerField(default=0)
    cloze_total = models.PositiveIntegerField(default=0)
    received_on = models.DateField(auto_now_add=True)  # a day, not a moment: less to tie it to a mail

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
