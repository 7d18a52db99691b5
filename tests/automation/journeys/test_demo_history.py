"""The demo journey with a past: its diagram and figures show non-zero counts in a fresh demo."""

from __future__ import annotations

import pytest

from automation.journeys.demo import demo_automation_install
from automation.journeys.demo_history import RUNS, SLUG, demo_journey_history_install
from automation.journeys.diagram.counting import step_counts
from automation.journeys.models import Enrolment, Journey
from automation.reports.figures import figures_rows, figures_subject

pytestmark = pytest.mark.django_db


def test_the_demo_history_fills_every_count_of_the_diagram_and_is_installed_once(rabot):
    demo_automation_install()
    journey = demo_journey_history_install()
    assert journey.status == Journey.Status.PAUSED  # the demo's own events never enrol anyone in it
    counts = {step.key: step_counts(journey.live_version)[step.pk] for step in journey.live_version.steps.all()}
    assert counts["herinnering"].entered == RUNS and counts["herinnering"].sent == RUNS
    assert 0 < counts["herinnering"].delivered < RUNS
    assert counts["drie-dagen"].waiting > 0 and counts["drie-dagen"].milestone > 0
    assert counts["klaar"].left > 0 and counts["einde-sms"].left > 0 and counts["sms"].entered > 0
    totals, rows = figures_rows(figures_subject(kind="journey", pk=journey.pk).messages)
    assert totals.counts["opened"] > totals.counts["clicked"] > 0 and totals.counts["milestone"] == counts["drie-dagen"].milestone
    assert len(rows["language"]) == 3 and len(rows["wijk"]) == 3
    assert demo_journey_history_install() is None
    assert Enrolment.objects.filter(journey__slug=SLUG).count() == RUNS
