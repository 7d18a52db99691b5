"""An experiment's figures per version, and what the kernel's sequential test makes of them.

Per version: exposed (citizens, once each), converted, the rate, and the guardrails
(unsubscribed, complained, bounced). The comparison is `compare_arms` with the first version
as the control: anytime-valid (mSPRT) and corrected for more than two versions, so the
editor may look whenever they like. The same test is run on each guardrail rate
(guardrails.py). A version is counted for the version it was assigned, also after its
guardrail stopped it (intention to treat).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from django.db.models import Count, Q

from automation.experiments.models import Exposure, MessageArm, MessageExperiment
from cms.experiments.statistics import ArmTally, Comparison, compare_arms
from cms.experiments.verdict import verdict_text

GUARDRAILS = (("unsubscribed", "afgemeld"), ("complained", "als spam gemeld"), ("bounced", "bounce"))
MIN_EXPOSED = 100  # the kernel's default: below this per version nothing is decided


@dataclass(frozen=True)
class ArmFigures:
    arm: MessageArm
    exposed: int
    converted: int
    guardrails: dict[str, int]

    @property
    def rate(self) -> float:
        return self.converted / self.exposed if self.exposed else 0.0

    def guardrail_rate(self, name: str) -> float:
        return self.guardrails[name] / self.exposed if self.exposed else 0.0


def arm_figures(experiment: MessageExperiment) -> list[ArmFigures]:
    arms = list(experiment.arms.order_by("sort_order", "pk"))
    counts = {
        row["arm"]: row
        for row in Exposure.objects.filter(experiment=experiment).values("arm").annotate(
            exposed=Count("pk"),
            converted=Count("pk", filter=Q(converted_at__isnull=False)),
            **{name: Count("pk", filter=Q(**{f"{name}_at__isnull": False})) for name, _label in GUARDRAILS},
        )
    }
    figures = []
    for arm in arms:
        row = counts.get(arm.pk, {})
        figures.append(
            ArmFigures(
                arm=arm,
                exposed=row.get("exposed", 0),
                converted=row.get("converted", 0),
                guardrails={name: row.get(name, 0) for name, _label in GUARDRAILS},
            )
        )
    return figures


def experiment_comparison(figures: list[ArmFigures]) -> Comparison:
    tallies = [ArmTally(name=f.arm.name, exposed=f.exposed, converted=f.converted) for f in figures]
    return compare_arms(tallies, control=figures[0].arm.name, min_exposed=MIN_EXPOSED)


def guardrail_comparison(figures: list[ArmFigures], name: str) -> Comparison:
    tallies = [ArmTally(name=f.arm.name, exposed=f.exposed, converted=f.guardrails[name]) for f in figures]
    return compare_arms(tallies, control=figures[0].arm.name, min_exposed=MIN_EXPOSED)


def experiment_verdict(experiment: MessageExperiment, comparison: Comparison) -> str:
    return verdict_text(comparison, outcome=experiment.outcome_phrase, language="nl", min_exposed=MIN_EXPOSED)


def _points(value: float) -> float | None:
    return round(value * 100, 1) if math.isfinite(value) else None


def chart_rows(comparison: Comparison) -> list[tuple[str, float | None, float | None, float | None]]:
    """Per version against the control: (label, low, difference, high) in percentage points."""
    return [
        (f"Versie {arm.name}", _points(arm.low), _points(arm.difference), _points(arm.high)) for arm in comparison.arms
    ]


def results_csv(figures: list[ArmFigures], comparison: Comparison) -> str:
    """The per-version table as CSV (comma-separated, UTF-8): what the results page shows."""
    against = {arm.name: arm for arm in comparison.arms}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["versie", "controle", "bereikt", "omgezet", "percentage", "verschil_laag_pp", "verschil_pp", "verschil_hoog_pp",
         "p_waarde", *[name for name, _label in GUARDRAILS], "gestopt"]
    )
    for index, f in enumerate(figures):
        arm = against.get(f.arm.name)
        interval = [_points(arm.low), _points(arm.difference), _points(arm.high), f"{arm.p_value:.4f}"] if arm else ["", "", "", ""]
        writer.writerow(
            [f.arm.name, "ja" if index == 0 else "nee", f.exposed, f.converted, f"{f.rate * 100:.1f}",
             *["" if value is None else value for value in interval],
             *[f.guardrails[name] for name, _label in GUARDRAILS], f.arm.stopped_reason]
        )
    return out.getvalue()
