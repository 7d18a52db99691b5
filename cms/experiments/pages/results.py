"""The results of a page experiment: views, clicks and click rate per version, the test's decision,
a plain-language verdict and an interval chart, as the admin shows them.

Tallies are two counts per version from one grouped query over the stored views. The
decision is the kernel's anytime-valid test (`compare_arms`), so an editor may open this
page after every view without making a false winner likelier. The chart draws each other
version's difference from version A in percentage points (defined even while A has no
clicks yet); the verdict speaks of relative ranges, as the kernel's verdicts do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count, Q

from cms.core.charts.interval_chart import interval_chart_svg
from cms.experiments.pages.models import CONTROL, PageExperiment
from cms.experiments.statistics import ArmTally, Comparison, compare_arms
from cms.experiments.verdict import verdict_text

OUTCOME = "op de knop te klikken"


@dataclass(frozen=True)
class VersionRow:
    name: str
    text: str  # what the version shows ("zoals gepubliceerd" for A)
    exposed: int
    clicked: int
    rate: float
    low: float | None  # difference from A, percentage points (None for A or while unknown)
    high: float | None
    difference: float | None


@dataclass(frozen=True)
class Results:
    rows: list[VersionRow]
    comparison: Comparison
    verdict: str
    chart: str


def version_tallies(*, experiment: PageExperiment) -> list[ArmTally]:
    """One tally per version (A first), zero for a version not shown yet."""
    counted = {
        row["version"]: row
        for row in experiment.views.values("version").annotate(
            exposed=Count("id"), clicked=Count("id", filter=Q(clicked_at__isnull=False)))
    }
    names = [name for name, _weight in experiment.weights()]
    return [ArmTally(name, counted.get(name, {}).get("exposed", 0), counted.get(name, {}).get("clicked", 0))
            for name in names]


def _points(value: float) -> float | None:
    return round(value * 100, 1) if math.isfinite(value) else None


def page_experiment_results(*, experiment: PageExperiment) -> Results:
    tallies = version_tallies(experiment=experiment)
    comparison = compare_arms(tallies)
    texts = experiment.texts()
    by_name = {arm.name: arm for arm in comparison.arms}
    rows = []
    for tally in tallies:
        arm = by_name.get(tally.name)
        rows.append(VersionRow(
            name=tally.name,
            text=texts.get(tally.name, "zoals gepubliceerd"),
            exposed=tally.exposed,
            clicked=tally.converted,
            rate=round(tally.rate * 100, 1),
            low=_points(arm.low) if arm else None,
            high=_points(arm.high) if arm else None,
            difference=_points(arm.difference) if arm and tally.exposed and tallies[0].exposed else None,
        ))
    chart = interval_chart_svg(
        chart_id=f"experiment-{experiment.pk}",
        title=f"Verschil in klikratio met versie {CONTROL}, in procentpunt",
        rows=[(f"Versie {row.name}", row.low, row.difference, row.high) for row in rows if row.name != CONTROL],
        unit="procentpunt",
    )
    return Results(rows=rows, comparison=comparison, verdict=verdict_text(comparison, outcome=OUTCOME),
                   chart=chart)
