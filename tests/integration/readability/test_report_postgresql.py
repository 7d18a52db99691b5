"""Readability on real PostgreSQL: the seeded glossary, scores stored by the task, and the
report's grouped and worst-first queries (DISTINCT with ORDER BY, averages per group),
which SQLite is more lenient about."""

from __future__ import annotations

import csv
import io

from django.db import connection
from django.urls import reverse

from cms.readability.models import GlossaryEntry, PageReadability
from cms.readability.report import editor_pages, grouped, scores
from cms.readability.tasks import page_score
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page, home, locales, tree  # noqa: F401 - fixtures

OFFICIAL = (
    "Teneinde van de dienstverlening inzake de ophaling van grofvuil gebruik te kunnen maken, dient de aanvrager "
    "voorafgaandelijk een afspraak te maken, waarna de goederen uiterlijk om 7 uur dienen te worden aangeboden."
)


def test_scores_are_stored_by_the_task_and_the_report_groups_them(admin_client, admin_user, tree):
    assert connection.vendor == "postgresql"
    assert GlossaryEntry.objects.filter(language="nl").count() >= 150
    hard = add_page(tree.theme_index, ThemePage, title="Moeilijk", intro=OFFICIAL, department="Mobiliteit",
                    owner=admin_user)
    easy = add_page(tree.theme_index, ThemePage, title="Makkelijk", intro="Wij halen uw grofvuil op.",
                    department="Mobiliteit", owner=admin_user)
    for page in (hard, easy):  # what the worker runs for the task publishing queued (a broker is set here)
        page_score(page.pk)
    assert [row.page_id for row in scores()][:2] == [hard.pk, easy.pk]
    departments = {group.label: group for group in grouped(scores(), "department")}
    assert departments["Mobiliteit"].pages == 2 and departments["Mobiliteit"].above_target == 1
    assert [row.page_id for row in editor_pages(admin_user)] == [hard.pk, easy.pk]
    response = admin_client.get(reverse("readability:report"), {"format": "csv", "department": "Mobiliteit"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Moeilijk", "Makkelijk"]
    assert PageReadability.objects.get(page=hard).level in ("B2", "C1")
