"""Stopping a version that harms: more unsubscribes, complaints or bounces than the control.

The rule: for each guardrail, the kernel's sequential test (mSPRT, the same one that picks a
winner, Bonferroni-corrected over the versions) is run on the guardrail's rate. A version
whose rate is shown *higher* than the control's (p < 0.05, valid however often this runs),
with at least 100 citizens in it and in the control, is stopped: its citizens are sent the
control from then on (choosing.py) and the editor reads why on the results page. The
control is never stopped this way: it is what the city sends without the experiment.
A fixed threshold ("more than 1 % unsubscribes") was not chosen: it would stop a version
for noise in a small group and ignore a real doubling below the threshold.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format

from automation.experiments.models import MessageArm, MessageExperiment
from automation.experiments.results import GUARDRAILS, MIN_EXPOSED, arm_figures, guardrail_comparison


def _percent(value: float) -> str:
    return f"{value * 100:.1f}".replace(".", ",") + " %"


def experiment_guardrails_check(*, experiment: MessageExperiment) -> list[str]:
    """Stop the versions a guardrail shows harmful; returns the names stopped now."""
    figures = arm_figures(experiment)
    if len(figures) < 2 or figures[0].exposed < MIN_EXPOSED:
        return []
    by_name = {f.arm.name: f for f in figures}
    control = figures[0]
    stopped = []
    for name, label in GUARDRAILS:
        comparison = guardrail_comparison(figures, name)
        for result in comparison.arms:
            figure = by_name[result.name]
            if not result.better or figure.exposed < MIN_EXPOSED or figure.arm.stopped_at or result.name in stopped:
                continue  # `better` here means a higher rate: more harm
            now = timezone.now()
            reason = (
                f"Automatisch gestopt op {date_format(timezone.localtime(now), 'j F Y H:i')}: "
                f"meer mensen {label} dan bij de controle ({control.arm.name}): "
                f"{_percent(figure.guardrail_rate(name))} tegen {_percent(control.guardrail_rate(name))} "
                f"(sequentiële test, p = {result.p_value:.3f}). Wie deze versie kreeg, krijgt voortaan de controle."
            )
            if MessageArm.objects.filter(pk=figure.arm.pk, stopped_at__isnull=True).update(stopped_at=now, stopped_reason=reason):
                stopped.append(result.name)
    return stopped
