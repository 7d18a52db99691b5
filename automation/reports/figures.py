"""The figures of one journey or one campaign: totals, per wijk and per language.

A campaign here is a crisis alert: the one send to many that does not run through a
journey. The newsletter (the weekly wijk digest) and project news are journeys in this
house (automation/journeys/demo_digest.py, project_news.py), so their figures are a
journey's figures. Four aggregate queries whatever the number of messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from automation.crisis.models import CrisisAlert
from automation.journeys.models import Journey
from automation.languages import language_choices
from automation.messages.models import Message
from automation.reports.message_counts import CountRow, message_counts_by, message_totals

FIGURE_METRICS: list[tuple[str, str]] = [
    ("sent", "verstuurd"),
    ("delivered", "afgeleverd"),
    ("opened", "geopend"),
    ("clicked", "geklikt"),
    ("milestone", "mijlpaal bereikt"),
    ("unsubscribed", "afgemeld"),
]
SUBJECTS = {"journey": "Journey", "crisis": "Crisisbericht"}
BREAKDOWN_TITLES = {"wijk": "Per wijk", "language": "Per taal"}


@dataclass(frozen=True)
class FiguresSubject:
    kind: str  # "journey" or "crisis"
    pk: int
    name: str
    messages: QuerySet[Message]

    @property
    def heading(self) -> str:
        return f"{SUBJECTS[self.kind]}: {self.name}"


def figures_subject(*, kind: str, pk: int) -> FiguresSubject:
    """The journey or crisis alert and its messages; 404 for an unknown kind or one that does not exist."""
    if kind == "journey":
        name = Journey.objects.filter(pk=pk).values_list("name", flat=True).first()
        messages = Message.objects.filter(journey_id=pk)
    elif kind == "crisis":
        name = CrisisAlert.objects.filter(pk=pk).values_list("title", flat=True).first()
        messages = Message.objects.filter(crisis_alert_id=pk)
    else:
        raise Http404("Onbekende soort")
    if name is None:
        raise Http404("Niet gevonden")
    return FiguresSubject(kind=kind, pk=pk, name=name, messages=messages)


def figures_rows(messages: QuerySet[Message]) -> tuple[CountRow, dict[str, list[CountRow]]]:
    """The totals, and the rows per breakdown (wijk, language)."""
    languages = dict(language_choices())
    totals = message_totals(messages)
    breakdowns = {
        "wijk": message_counts_by("wijk", messages),
        "language": message_counts_by("language", messages, labels=languages),
    }
    return totals, breakdowns
