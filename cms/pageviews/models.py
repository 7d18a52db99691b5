"""Daily counters: one row per page per day, one per referring domain per day, and the batches already counted.

Rows are only ever added to by an UPSERT (counting.py), so concurrent batches add up
instead of overwriting each other. No row names a visitor.
"""

from __future__ import annotations

from django.db import models


class PageViewDay(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField("dag")
    views = models.PositiveIntegerField("bezoeken", default=0)

    class Meta:
        verbose_name = "bezoeken van een pagina op een dag"
        verbose_name_plural = "bezoeken per pagina per dag"
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_page_view_row_per_page_day")]
        indexes = [models.Index(fields=["day"])]
        permissions = [("view_pageviews_report", "Kan het rapport Bezoeken bekijken")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


class ReferrerDay(models.Model):
    domain = models.CharField("verwijzend domein", max_length=253)
    day = models.DateField("dag")
    views = models.PositiveIntegerField("bezoeken", default=0)

    class Meta:
        verbose_name = "bezoeken via een domein op een dag"
        verbose_name_plural = "bezoeken per verwijzend domein per dag"
        constraints = [models.UniqueConstraint(fields=["domain", "day"], name="one_referrer_row_per_domain_day")]

    def __str__(self):
        return f"{self.domain} {self.day}: {self.views}"


class PageViewBatch(models.Model):
    """A batch id the site's server sent, so a batch sent again (its answer was lost) counts once."""

    batch = models.UUIDField(unique=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return str(self.batch)
