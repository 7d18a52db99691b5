"""Citizens, their consent per channel, subscriptions and the suppression list.

A citizen is known by the reference the case system gives them (`ref`), never by e-mail
address: people change addresses, dossiers stay theirs. Consent is kept per channel with
when and where it was given, because "may we text this person?" must be answerable with
proof; every change is also appended to `ConsentChange`, so the proof survives the next
change. The suppression list is per address, not per citizen: a bouncing mailbox stays
suppressed even when another citizen record names it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from automation.channels.kinds import ChannelKind
from automation.contacts.phone import validate_e164
from automation.languages import fallback_language, language_choices
from cms.core.models.taxonomy import in_source_locale


class Citizen(models.Model):
    ref = models.CharField(
        "referentie", max_length=200, unique=True, help_text="De referentie van de burger in het dossiersysteem."
    )
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("gsm", max_length=16, blank=True, validators=[validate_e164], help_text="E.164")
    postal_address = models.TextField("postadres", blank=True, help_text="Voor brieven aan wie niet online is.")
    preferred_channel = models.CharField(
        "voorkeurskanaal",
        max_length=10,
        choices=ChannelKind.choices,
        blank=True,
        help_text="Het kanaal dat de burger koos; een traject probeert het eerst. Leeg: geen voorkeur.",
    )
    language = models.CharField("taal", max_length=8, choices=language_choices(), default=fallback_language)
    wijk = models.ForeignKey(
        "core.Wijk", verbose_name="wijk", null=True, blank=True, on_delete=models.SET_NULL, related_name="citizens"
    )
    interests = models.ManyToManyField(
        "core.Theme",
        verbose_name="interesses",
        blank=True,
        related_name="interested_citizens",
        limit_choices_to=in_source_locale,
    )
    # When the contact details were last set by the source of truth (the case system's
    # event time), so an event that arrives late cannot overwrite newer details.
    contact_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "burger"
        verbose_name_plural = "burgers"
        ordering = ["ref"]
        permissions = [
            ("export_citizen", "Mag alle gegevens van een burger exporteren"),
            ("erase_citizen", "Mag een burger wissen (gegevens verwijderen, geschiedenis anonimiseren)"),
        ]

    def __str__(self):
        return self.ref


class ChannelConsent(models.Model):
    """The current answer to "may we use this channel?", with when and where it was given."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="consents")
    channel = models.CharField(max_length=10, choices=ChannelKind.choices)
    granted = models.BooleanField()
    recorded_at = models.DateTimeField(help_text="Wanneer de burger dit zei (volgens de bron).")
    source = models.CharField(max_length=200, help_text="Waar het vandaan komt, bv. dossier-event:omgevingsloket/…")

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        constraints = [models.UniqueConstraint(fields=["citizen", "channel"], name="one_consent_per_channel")]

    def __str__(self):
        return f"{self.citizen} {self.channel}: {'ja' if self.granted else 'nee'}"


class ConsentChange(models.Model):
    """Append-only history of consent: the proof that outlives the current answer."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="consent_changes")
    channel = models.CharField(max_length=10, choices=ChannelKind.choices)
    granted = models.BooleanField()
    recorded_at = models.DateTimeField()
    source = models.CharField(max_length=200)
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["stored_at", "pk"]


class Subscription(models.Model):
    class Kind(models.TextChoices):
        WIJK_NEWS = "wijk_news", "nieuws uit een wijk"
        THEME = "theme", "thema"
        PRESS = "press", "persberichten"
        CRISIS = "crisis", "crisisberichten"
        PROJECT = "project", "een project volgen"

    class Status(models.TextChoices):
        PENDING = "pending", "wacht op bevestiging"  # e-mail double opt-in not yet confirmed
        ACTIVE = "active", "actief"
        ENDED = "ended", "stopgezet"

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="subscriptions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    wijk = models.ForeignKey(
        "core.Wijk",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        help_text="Verplicht voor wijknieuws; voor crisisberichten leeg = heel Gent.",
    )
    theme = models.ForeignKey(
        "core.Theme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        limit_choices_to=in_source_locale,
    )
    project = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Verplicht voor een project volgen: de projectpagina (in de brontaal).",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        constraints = [
            # Each kind names exactly the target it needs, nothing more.
            models.CheckConstraint(
                name="subscription_target_matches_kind",
                condition=(
                    Q(kind="wijk_news", wijk__isnull=False, theme__isnull=True, project__isnull=True)
                    | Q(kind="theme", theme__isnull=False, wijk__isnull=True, project__isnull=True)
                    | Q(kind="press", wijk__isnull=True, theme__isnull=True, project__isnull=True)
                    | Q(kind="crisis", theme__isnull=True, project__isnull=True)
                    | Q(kind="project", project__isnull=False, wijk__isnull=True, theme__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["citizen", "project"], condition=Q(kind="project"), name="one_project_subscription"
            ),
            # One subscription per citizen and target (partial indexes: NULLs are not equal).
            models.UniqueConstraint(
                fields=["citizen", "wijk"], condition=Q(kind="wijk_news"), name="one_wijk_news_subscription"
            ),
            models.UniqueConstraint(
                fields=["citizen", "theme"], condition=Q(kind="theme"), name="one_theme_subscription"
            ),
            models.UniqueConstraint(fields=["citizen"], condition=Q(kind="press"), name="one_press_subscription"),
            models.UniqueConstraint(
                fields=["citizen", "wijk"],
                condition=Q(kind="crisis", wijk__isnull=False),
                name="one_crisis_subscription_per_wijk",
            ),
            models.UniqueConstraint(
                fields=["citizen"], condition=Q(kind="crisis", wijk__isnull=True), name="one_citywide_crisis_subscription"
            ),
        ]

    def __str__(self):
        target = self.wijk or self.theme or self.project or ""
        return f"{self.citizen}: {self.get_kind_display()} {target}".strip()


class Suppression(models.Model):
    """An address we must not send to any more: it bounced hard, complained or was stopped."""

    class Reason(models.TextChoices):
        HARD_BOUNCE = "hard_bounce", "harde bounce"
        COMPLAINT = "complaint", "klacht (spam)"
        SMS_STOP = "sms_stop", "STOP per sms"
        MANUAL = "manual", "handmatig"

    channel = models.CharField(max_length=10, choices=ChannelKind.choices)
    address = models.CharField(max_length=254, help_text="E-mailadres (kleine letters) of gsm in E.164.")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "blokkering"
        verbose_name_plural = "blokkeringen"
        constraints = [models.UniqueConstraint(fields=["channel", "address"], name="one_suppression_per_address")]

    def __str__(self):
        return f"{self.channel}:{self.address} ({self.reason})"


class CitizenAccessLog(models.Model):
    """Who looked at, exported or erased a citizen's data, and when (GDPR accountability).

    Keyed by a hash of the citizen's reference as well as the row, so the log outlives an
    erasure without keeping the reference itself.
    """

    class Action(models.TextChoices):
        VIEW = "view", "bekeken"
        EXPORT = "export", "geëxporteerd"
        ERASE = "erase", "gewist"

    citizen = models.ForeignKey(Citizen, null=True, blank=True, on_delete=models.SET_NULL, related_name="access_log")
    ref_sha256 = models.CharField(max_length=64, db_index=True)
    actor = models.CharField("door", max_length=200, help_text="Gebruikersnaam, of de naam van het commando.")
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inzage in burgergegevens"
        verbose_name_plural = "inzage in burgergegevens"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.actor} {self.action} {self.ref_sha256[:12]} @ {self.at:%Y-%m-%d %H:%M}"


class ConfirmationRequest(models.Model):
    """One double opt-in mail sent: what it confirms, in which language, and whether it was followed.

    The signed link names only this row, so neither the phone number nor the choices travel
    in the URL, and a submission by somebody else cannot change a citizen's details until
    the mailbox's owner follows the link. Its `created_at` is also the clock of the
    one-mail-per-address-per-ten-minutes rule.
    """

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="confirmation_requests")
    language = models.CharField("taal", max_length=8, choices=language_choices(), default=fallback_language)
    phone = models.CharField("gsm", max_length=16, blank=True, validators=[validate_e164])
    sms = models.BooleanField("ook sms voor crisisberichten", default=False)
    subscriptions = models.ManyToManyField(Subscription, related_name="confirmation_requests", blank=True)
    created_at = models.DateTimeField("aangevraagd", auto_now_add=True, db_index=True)
    mailed_at = models.DateTimeField("gemaild", null=True, blank=True)
    confirmed_at = models.DateTimeField("bevestigd", null=True, blank=True)

    class Meta:
        verbose_name = "bevestigingsmail"
        verbose_name_plural = "bevestigingsmails"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.citizen} @ {self.created_at:%Y-%m-%d %H:%M}"
