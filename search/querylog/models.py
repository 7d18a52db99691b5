"""The search log's tables: raw rows (one per search, one per opened result) and daily counts.

Raw rows are written by the search API (one INSERT each, nothing else on the request's
path), folded into the daily counts by a periodic task, and deleted after the retention
period. A raw row says on which day, never at what time: a timestamp would let someone
with a web server's access log put a person's address next to a query.

A page is referred to by its id, not a foreign key: the counts of a deleted page go with
the retention period, not with a cascade on a busy table.
"""

from __future__ import annotations

from django.db import models

#: The longest query kept, in characters after normalisation; a longer one is withheld
#: (`personal_data.py`): pasted letters and e-mails are where names and addresses hide.
MAX_QUERY_LENGTH = 100
LANGUAGE_LENGTH = 8


class SearchEvent(models.Model):
    """One public search (page 1 of an unfiltered search): what was asked and how many results it had."""

    day = models.DateField()
    query = models.CharField(max_length=MAX_QUERY_LENGTH)
    #: The language the citizen searched in (the API's `lang`); empty: every language.
    language = models.CharField(max_length=LANGUAGE_LENGTH, blank=True)
    results = models.PositiveIntegerField()
    folded = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["id"], condition=models.Q(folded=False), name="search_event_unfolded"),
            models.Index(fields=["day"], name="search_event_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.language or '*'} {self.query!r}: {self.results}"


class SearchClick(models.Model):
    """One result opened from a search: the query, the page and its position in the results (from 1)."""

    day = models.DateField()
    query = models.CharField(max_length=MAX_QUERY_LENGTH)
    language = models.CharField(max_length=LANGUAGE_LENGTH, blank=True)
    page_id = models.BigIntegerField()
    position = models.PositiveIntegerField()
    folded = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["id"], condition=models.Q(folded=False), name="search_click_unfolded"),
            models.Index(fields=["day"], name="search_click_day"),
            models.Index(fields=["page_id", "day"], name="search_click_page"),
        ]

    def __str__(self):
        return f"{self.day} {self.query!r} -> page {self.page_id} at {self.position}"


class SearchDay(models.Model):
    """How often a query was searched on a day, and how often that found nothing."""

    day = models.DateField()
    query = models.CharField(max_length=MAX_QUERY_LENGTH)
    language = models.CharField(max_length=LANGUAGE_LENGTH, blank=True)
    searches = models.PositiveIntegerField(default=0)
    empty = models.PositiveIntegerField(default=0)  # searches without results

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "query", "language"], name="search_day_unique"),
        ]
        permissions = [("view_search_report", "Kan de zoekvragen van burgers bekijken (rapport Zoekvragen)")]

    def __str__(self):
        return f"{self.day} {self.language or '*'} {self.query!r}: {self.searches} ({self.empty} zonder resultaat)"


class SearchPageDay(models.Model):
    """How often a page was opened from a query's results on a day, and the sum of the positions it had."""

    day = models.DateField()
    query = models.CharField(max_length=MAX_QUERY_LENGTH)
    language = models.CharField(max_length=LANGUAGE_LENGTH, blank=True)
    page_id = models.BigIntegerField()
    clicks = models.PositiveIntegerField(default=0)
    position_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "query", "language", "page_id"], name="search_page_day_unique"),
        ]
        indexes = [models.Index(fields=["page_id", "day"], name="search_page_day_page")]

    def __str__(self):
        return f"{self.day} {self.query!r} -> page {self.page_id}: {self.clicks}"


class WithheldKind(models.TextChoices):
    """Why a query was not stored: the kind of personal data it looked like."""

    EMAIL = "email", "e-mailadres"
    PHONE = "phone", "telefoonnummer"
    NATIONAL_NUMBER = "national_number", "rijksregisternummer"
    IBAN = "iban", "rekeningnummer (IBAN)"
    LICENCE_PLATE = "licence_plate", "nummerplaat"
    DIGITS = "digits", "lange reeks cijfers"
    LONG_TEXT = "long_text", "lange tekst"


class WithheldDay(models.Model):
    """How many queries of a day were not stored because they looked like personal data (no text)."""

    day = models.DateField()
    kind = models.CharField(max_length=20, choices=WithheldKind.choices)
    searches = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "kind"], name="search_withheld_day_unique")]

    def __str__(self):
        return f"{self.day} {self.kind}: {self.searches}"
