"""What the site-wide report shows: the stored scores of public pages, grouped and worst first.

Reads only `PageReadability` (one row per published page, written on publish) joined to the
page kernel's visibility rule, so the report costs a handful of queries however many pages
the site has.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Avg, Count, Q

from cms.core.publishing import public_pages
from cms.readability.levels import ORDER, TARGET
from cms.readability.models import PageReadability

GROUPINGS = {"section": "Per rubriek", "department": "Per dienst", "page_type": "Per paginatype"}
ABOVE_TARGET = [level.value for level in ORDER[ORDER.index(TARGET) + 1 :]]


@dataclass
class GroupRow:
    key: str
    label: str
    pages: int
    average: float
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ordered_counts(self) -> list[int]:
        return [self.counts.get(level.value, 0) for level in ORDER]

    @property
    def above_target(self) -> int:
        return sum(self.counts.get(level, 0) for level in ABOVE_TARGET)


def scores(*, language: str = "", level: str = "", section: str = "", department: str = "", page_type: str = ""):
    """Stored scores of the pages the public can see now, filtered, worst first."""
    rows = PageReadability.objects.filter(page__in=public_pages().values("pk"))
    filters = {"language": language, "level": level, "section_id": section, "department": department, "page_type": page_type}
    rows = rows.filter(**{name: value for name, value in filters.items() if value})
    return rows.select_related("page").order_by("-difficulty", "page_id")


def type_label(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def grouped(rows, grouping: str) -> list[GroupRow]:
    """Pages per level for each section, department or page type; most pages above the target first."""
    key = {"section": "section_id", "department": "department", "page_type": "page_type"}[grouping]
    names = {}
    if grouping == "section":
        names = dict(rows.values_list("section_id", "section_title").distinct())
    counted = rows.order_by().values(key, "level").annotate(pages=Count("pk"), average=Avg("difficulty"))
    groups: dict[object, GroupRow] = {}
    totals = defaultdict(float)
    for item in counted:
        value = item[key]
        label = (names.get(value) or "Startpagina") if grouping == "section" else (
            type_label(value) if grouping == "page_type" else (value or "(geen dienst)"))
        row = groups.setdefault(value, GroupRow(key=str(value or ""), label=label, pages=0, average=0.0))
        row.counts[item["level"]] = item["pages"]
        row.pages += item["pages"]
        totals[value] += item["average"] * item["pages"]
    for value, row in groups.items():
        row.average = round(totals[value] / row.pages, 1) if row.pages else 0.0
    return sorted(groups.values(), key=lambda row: (-row.above_target, -row.average, row.label))


def level_totals(rows) -> dict[str, int]:
    counted = dict(rows.order_by().values_list("level").annotate(pages=Count("pk")))
    return {level.value: counted.get(level.value, 0) for level in ORDER}


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """Values the filters offer: those that occur in the stored scores."""
    stored = PageReadability.objects.order_by()
    return {
        "section": sorted({(str(pk), title) for pk, title in stored.filter(~Q(section=None)).values_list("section_id", "section_title")},
                          key=lambda item: item[1]),
        "department": [(name, name) for name in sorted(set(stored.exclude(department="").values_list("department", flat=True)))],
        "page_type": sorted({(label, type_label(label)) for label in stored.values_list("page_type", flat=True)}, key=lambda item: item[1]),
    }


def editor_pages(user, limit: int = 5):
    """The public pages this editor owns or last edited, hardest first."""
    mine = Q(page__owner=user) | Q(page__latest_revision__user=user)
    return scores().filter(mine).distinct()[:limit]
