"""When each algorithm's description last changed: one row per algorithm, with its fingerprint."""

from django.db import models


class AlgorithmChange(models.Model):
    key = models.CharField(max_length=80, unique=True)
    fingerprint = models.CharField(max_length=64)  # sha256 of the description in every language
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "wijziging van een algoritme"
        verbose_name_plural = "wijzigingen van algoritmes"

    def __str__(self):
        return f"{self.key} ({self.changed_at:%Y-%m-%d})"
