"""A newsletter's rest gets the winner exactly once; a design that cannot run is refused with its field named."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.experiments.choosing import exposure_get_or_create
from automation.experiments.design import ArmDesign, ExperimentDesignError, experiment_design_errors
from automation.experiments.models import Exposure, HeldSend, MessageExperiment
from automation.experiments.rest import experiment_rest_send, rest_due
from automation.experiments.services import experiment_create, experiment_stop
from automation.messages.models import Message
from tests.automation.experiments.helpers import B_TEXT, citizens, enrol, journey_with_experiment

pytestmark = pytest.mark.django_db


def newsletter(**fields):
    return journey_with_experiment(purpose="newsletter", outcome="click", outcome_milestone=None, **fields)


def test_the_rest_waits_and_at_the_deadline_gets_the_control_exactly_once(rabot, django_capture_on_commit_callbacks):
    experiment, trigger = newsletter(test_share=20)
    enrol(trigger, citizens(60))
    held = HeldSend.objects.filter(experiment=experiment)
    exposed = Exposure.objects.filter(experiment=experiment).count()
    assert held.count() + exposed == 60 and 4 <= exposed <= 22  # about 20 % in the test group
    assert Message.objects.count() == exposed  # the rest got nothing yet
    assert not rest_due(experiment=experiment)  # too early, no deadline
    experiment.rest_deadline = timezone.now() - timedelta(minutes=1)
    experiment.save()
    assert rest_due(experiment=experiment)
    with django_capture_on_commit_callbacks(execute=True):
        assert experiment_rest_send(experiment_id=experiment.pk, chunk=7) == 60 - exposed
        assert experiment_rest_send(experiment_id=experiment.pk) == 0  # a re-run sends nothing twice
    experiment.refresh_from_db()
    assert experiment.status == "finished" and experiment.winner == "A"  # no winner: the control
    per_citizen = Message.objects.values_list("citizen_id", flat=True)
    assert len(per_citizen) == len(set(per_citizen)) == 60
    assert set(held.values_list("status", flat=True)) == {"sent"}
    assert Message.objects.filter(status="sent").count() == 60 - exposed  # the rest's, queued after commit


def test_when_a_version_wins_the_rest_gets_it(rabot, django_capture_on_commit_callbacks):
    experiment, trigger = newsletter(test_share=20)
    enrol(trigger, citizens(30))
    rest = list(HeldSend.objects.filter(experiment=experiment).values_list("enrolment__citizen_id", flat=True))
    # Earlier recipients of the test group: 150 per version, B clicked four times as often.
    arms = {arm.name: arm for arm in experiment.arms.all()}
    crowd = Citizen.objects.bulk_create(Citizen(ref=f"t-{i}", email=f"t{i}@example.be") for i in range(300))
    for index, citizen in enumerate(crowd):
        name = "A" if index % 2 else "B"
        exposure = exposure_get_or_create(experiment=experiment, arm=arms[name], citizen=citizen, dossier=None)
        if (index // 2) % 10 < (4 if name == "B" else 1):
            Exposure.objects.filter(pk=exposure.pk).update(converted_at=timezone.now())
    assert rest_due(experiment=experiment)  # the test can stop
    with django_capture_on_commit_callbacks(execute=True):
        experiment_rest_send(experiment_id=experiment.pk)
    experiment.refresh_from_db()
    assert experiment.winner == "B"
    for message in Message.objects.filter(citizen_id__in=rest):
        assert message.body_text.startswith(B_TEXT)
    # After the rest: everyone enrolled later gets the winner, and nobody more is counted.
    before = Exposure.objects.count()
    later = citizens(5, start=100)
    enrol(trigger, later, occasion="later")
    assert Exposure.objects.count() == before
    assert [m.body_text.startswith(B_TEXT) for m in Message.objects.filter(citizen__in=later)] == [True] * 5


def test_stopping_by_hand_sends_the_rest_the_step_as_designed(rabot, django_capture_on_commit_callbacks):
    experiment, trigger = newsletter(test_share=50)
    enrol(trigger, citizens(20))
    waiting = HeldSend.objects.filter(experiment=experiment).count()
    with django_capture_on_commit_callbacks(execute=True):
        assert experiment_stop(experiment=experiment, reason="Verkeerde link in versie B")
    assert not experiment_stop(experiment=experiment, reason="nog eens")  # stopped once
    experiment.refresh_from_db()
    assert experiment.status == "stopped" and "Verkeerde link" in experiment.stopped_reason
    assert HeldSend.objects.filter(status="sent").count() == waiting
    assert Message.objects.count() == 20
    later = citizens(3, start=50)
    enrol(trigger, later, occasion="later")
    assert Message.objects.count() == 23 and not Exposure.objects.filter(citizen__in=later).exists()


def test_a_split_that_does_not_add_up_and_a_version_without_text_name_their_fields():
    errors = experiment_design_errors(arms=[ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=40)])
    assert any("90 %" in message for message in errors["arms"])
    assert "arms[1].text" in errors and "B" in errors["arms[1].text"][0]
    errors = experiment_design_errors(arms=[ArmDesign(name="A", weight=100)], outcome="milestone")
    assert "arms" in errors and "outcome_milestone" in errors
    errors = experiment_design_errors(
        arms=[ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=50, text="{% if %}")], outcome="click", test_share=0
    )
    assert set(errors) == {"arms[1].text", "test_share"}
    assert experiment_design_errors(
        arms=[ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=50, text="Kort")], outcome="click"
    ) == {}


def test_an_experiment_on_a_step_that_does_not_send_is_refused_and_nothing_is_stored(rabot):
    experiment, _trigger = journey_with_experiment()
    with pytest.raises(ExperimentDesignError) as refused:
        experiment_create(
            arms=[ArmDesign(name="A", weight=60), ArmDesign(name="B", weight=60, text="x")],
            key="tweede", name="Tweede", journey=experiment.journey, step_key="bestaat-niet", outcome="click",
        )
    assert set(refused.value.errors) == {"arms", "step_key"}
    assert MessageExperiment.objects.count() == 1
