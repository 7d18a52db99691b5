"""The glossary editors keep, and each published page's stored score.

`GlossaryEntry` is a snippet ("Heldere-taalwoordenlijst"): the city's own list of official
words with the plain word to use instead, seeded by migration 0002 from data/glossary.tsv.

`PageReadability` holds the score of a page's live revision, written by a task when the
page is published (services.py), so the site-wide report and the editors' dashboard read
one small table instead of scoring thousands of pages per request. Section, department and
page type are stored with it, as they were at publication, so the report groups without
joins into every page type's table.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.readability.levels import Level
from cms.readability.text import words

LANGUAGE_CHOICES = [("nl", "Nederlands"), ("en", "Engels"), ("fr", "Frans")]


class GlossaryEntry(models.Model):
    language = models.CharField("taal", max_length=2, choices=LANGUAGE_CHOICES, default="nl")
    official = models.CharField(
        "ambtelijk woord", max_length=120, help_text="Eén woord of een vaste uitdrukking, zoals 'in het kader van'."
    )
    plain = models.CharField("gewoon woord", max_length=200, help_text="Wat u beter schrijft, zoals 'bij' of 'voor'.")
    note = models.CharField("toelichting", max_length=250, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("official"), FieldPanel("plain"), FieldPanel("language"), FieldPanel("note")]

    class Meta:
        verbose_name = "heldere-taalwoord"
        verbose_name_plural = "heldere-taalwoordenlijst"
        ordering = ["language", "official"]
        constraints = [models.UniqueConstraint(fields=["language", "official"], name="readability_glossary_unique_term")]

    def __str__(self) -> str:
        return f"{self.official} → {self.plain}"

    def clean(self):
        self.official = " ".join(self.official.lower().split())
        if not words(self.official):
            raise ValidationError({"official": "Geef minstens één woord."})
        if self.official == " ".join(self.plain.lower().split()):
            raise ValidationError({"plain": "Het gewone woord moet anders zijn dan het ambtelijke."})


class PageReadability(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="readability_score")
    revision_id = models.BigIntegerField(null=True, help_text="The live revision that was scored.")
    language = models.CharField(max_length=8)
    level = models.CharField(max_length=2, choices=Level.choices, db_index=True)
    difficulty = models.FloatField(db_index=True)
    words = models.PositiveIntegerField(default=0)
    hard_sentences = models.PositiveIntegerField(default=0)
    section = models.ForeignKey(Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    section_title = models.CharField(max_length=255, blank=True)
    department = models.CharField(max_length=120, blank=True)
    page_type = models.CharField(max_length=100)
    scored_at = models.DateTimeField()

    class Meta:
        verbose_name = "leesbaarheid van een pagina"
        verbose_name_plural = "leesbaarheid van pagina's"

    def __str__(self) -> str:
        return f"{self.page_id}: {self.level} ({self.difficulty})"

    @property
    def level_label(self) -> str:
        return Level(self.level).label
