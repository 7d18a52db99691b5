"""A page experiment, its versions and the page views it was shown in.

`PageExperiment` says which page, which field (title, intro or call to action), the link
whose clicks count, the share of views that keep the page as published (version A, the
control) and when it runs. `PageExperimentVersion` rows hold the other versions' texts and
shares (B, C, ... in their order). `PageView` is one view of the page while the experiment
ran: which version it showed and whether the measured link was clicked in it. It holds
nothing about the reader (no address, no agent, no cookie), only the version and two times.
"""

from __future__ import annotations

import string
import uuid

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

CONTROL = "A"


class ExperimentField(models.TextChoices):
    TITLE = "title", "Titel"
    INTRO = "intro", "Inleiding"
    CALL_TO_ACTION = "call_to_action", "Oproep tot actie (knoptekst)"


class ExperimentStatus(models.TextChoices):
    RUNNING = "running", "Loopt"
    STOPPED = "stopped", "Gestopt"


class PageExperimentQuerySet(models.QuerySet):
    def running(self, *, at=None):
        """Experiments showing versions now: not stopped, started, not past their end."""
        now = at or timezone.now()
        return self.filter(status=ExperimentStatus.RUNNING, starts_at__lte=now).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now)
        )


class PageExperiment(ClusterableModel):
    name = models.CharField("naam", max_length=120, help_text="Waarom test u dit? Alleen redacteurs zien dit.")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="experiments"
    )
    field = models.CharField("wat verschilt", max_length=20, choices=ExperimentField.choices,
                             default=ExperimentField.CALL_TO_ACTION)
    measured_link = models.URLField(
        "gemeten link", max_length=500, blank=True,
        help_text="Het adres van een knop (oproep tot actie) op de pagina: een klik erop telt als resultaat. "
                  "Leeg: de eerste knop van de pagina.",
    )
    control_weight = models.PositiveSmallIntegerField(
        "aandeel versie A (%)", default=50,
        help_text="Versie A is de pagina zoals ze gepubliceerd is. Alle aandelen samen: 100 %.",
    )
    starts_at = models.DateTimeField("start", default=timezone.now)
    ends_at = models.DateTimeField("einde", null=True, blank=True, help_text="Leeg: tot u het stopt.")
    status = models.CharField("status", max_length=10, choices=ExperimentStatus.choices,
                              default=ExperimentStatus.RUNNING)
    stopped_at = models.DateTimeField("gestopt op", null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PageExperimentQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("page"),
        MultiFieldPanel(
            [FieldPanel("field"), FieldPanel("measured_link"), FieldPanel("control_weight")],
            heading="Wat wordt getest",
        ),
        InlinePanel("versions", heading="Andere versies (B, C, ...)", label="versie", min_num=1),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="Looptijd"),
    ]

    class Meta:
        verbose_name = "pagina-experiment"
        verbose_name_plural = "pagina-experimenten"
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    @property
    def key(self) -> str:
        return f"page-experiment-{self.pk}"

    def weights(self) -> list[tuple[str, int]]:
        """[("A", control share), ("B", share), ...]: the split, version A first."""
        return [(CONTROL, self.control_weight)] + [
            (version_name(index), version.weight) for index, version in enumerate(self.versions.all())
        ]

    def texts(self) -> dict[str, str]:
        """The text of every version but A (which is the page as published)."""
        return {version_name(index): version.text for index, version in enumerate(self.versions.all())}

    def is_running(self, *, at=None) -> bool:
        now = at or timezone.now()
        return (self.status == ExperimentStatus.RUNNING and self.starts_at <= now
                and (self.ends_at is None or self.ends_at > now))


def version_name(index: int) -> str:
    """The name of the index-th other version: B, C, ... (A is the control)."""
    return string.ascii_uppercase[index + 1]


class PageExperimentVersion(Orderable):
    experiment = ParentalKey(PageExperiment, on_delete=models.CASCADE, related_name="versions")
    text = models.TextField("tekst", max_length=1000)
    weight = models.PositiveSmallIntegerField("aandeel (%)", default=50)

    panels = [FieldPanel("text"), FieldPanel("weight")]

    class Meta(Orderable.Meta):
        verbose_name = "versie"
        verbose_name_plural = "versies"


class PageView(models.Model):
    """One view of a page under experiment: the exposure, and its click (at most one)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    experiment = models.ForeignKey(PageExperiment, on_delete=models.CASCADE, related_name="views")
    version = models.CharField(max_length=2)
    shown_at = models.DateTimeField(default=timezone.now)
    clicked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["experiment", "version"], name="experiments_view_version")]
