"""The journey diagram shows an experiment's arms on its send step, with the split and the people so far."""

from __future__ import annotations

import pytest
from django.utils import timezone

from automation.experiments.models import Exposure
from automation.journeys.diagram.panel import journey_diagram_context
from tests.automation.experiments.helpers import citizens, enrol, journey_with_experiment

pytestmark = pytest.mark.django_db


def test_the_send_step_under_experiment_shows_its_arms_in_the_drawing_and_the_table(rabot):
    experiment, trigger = journey_with_experiment()
    enrol(trigger, citizens(8))
    exposed = {arm: Exposure.objects.filter(arm__name=arm).count() for arm in ("A", "B")}
    context = journey_diagram_context(experiment.journey)
    (step,) = [step for step in context["graph"].steps if step.key == "ontvangen"]
    assert step.versions == f"Experiment: A 50 % ({exposed['A']}) · B 50 % ({exposed['B']})"
    assert sum(exposed.values()) == 8
    svg = str(context["svg"])
    assert 'class="versions"' in svg and "Experiment: A 50 %" in svg
    assert "Experiment: A 50 %" in svg.split("<desc")[1].split("</desc>")[0]  # read out by a screen reader too


def test_a_stopped_arm_says_so_and_other_steps_carry_nothing(rabot):
    experiment, _trigger = journey_with_experiment()
    experiment.arms.filter(name="B").update(stopped_at=timezone.now())
    context = journey_diagram_context(experiment.journey)
    steps = {step.key: step for step in context["graph"].steps}
    assert steps["ontvangen"].versions.endswith("B 50 % (0, gestopt)")
    assert all(step.versions == "" for key, step in steps.items() if key != "ontvangen")
