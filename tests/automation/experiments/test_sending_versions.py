"""A citizen's version of an experiment's step: fixed by the hash, applied to the message, recorded once."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from automation.dossiers.models import DossierEvent
from automation.experiments.choosing import assigned_arm
from automation.experiments.design import ArmDesign
from automation.experiments.models import Exposure, MessageVariant
from automation.messages.models import Message
from automation.messages.sending import SendOutcome, message_send
from automation.messages.waiting import messages_hold_back
from automation.channels.errors import RetryableError
from tests.automation.experiments.helpers import B_TEXT, citizens, enrol, journey_with_experiment
from tests.automation.messages.test_sending import ScriptedChannel, scripted  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliver(post_event, event_payload, django_capture_on_commit_callbacks):
    def deliver_event(*, milestone="aanvraag_ontvangen", event_id="evt-1", dossier="OMV-1", ref="citizen-42", occurred_at=None):
        payload = {**event_payload, "milestone": milestone, "event_id": event_id, "data": {}}
        payload["dossier"] = {"id": dossier, "type": "omgevingsvergunning"}
        payload["citizen"] = {**event_payload["citizen"], "ref": ref}
        if occurred_at is not None:
            payload["occurred_at"] = occurred_at.isoformat()
        with django_capture_on_commit_callbacks(execute=True):
            assert post_event(payload).status_code == 202
        return DossierEvent.objects.get(event_id=event_id)

    return deliver_event


def test_a_repeated_milestone_and_a_second_dossier_land_in_the_same_version(rabot, deliver):
    experiment, _trigger = journey_with_experiment()
    deliver(event_id="evt-1", dossier="OMV-1")
    deliver(event_id="evt-2", dossier="OMV-1")  # the case system sends the milestone again
    deliver(event_id="evt-3", dossier="OMV-2")  # a second application, a second run of the step
    exposure = Exposure.objects.get()
    sent = MessageVariant.objects.filter(exposure=exposure)
    assert sent.count() == 3
    assert {variant.arm.name for variant in sent} == {exposure.arm.name}
    expected = assigned_arm(experiment, list(experiment.arms.order_by("sort_order")), exposure.citizen_id).name
    assert exposure.arm.name == expected
    bodies = {message.body_text.startswith(B_TEXT) for message in Message.objects.all()}
    assert bodies == {expected == "B"}


def test_each_version_sends_its_own_words_and_the_split_follows_the_weights(rabot):
    arms = [ArmDesign(name="A", weight=80), ArmDesign(name="B", weight=20, subject="Versie B voor {{ citizen.language }}", text="Tekst B")]
    experiment, trigger = journey_with_experiment(arms=arms)
    enrol(trigger, citizens(300))
    by_arm = Counter(Exposure.objects.values_list("arm__name", flat=True))
    assert sum(by_arm.values()) == 300
    assert 40 <= by_arm["B"] <= 80  # 20 % of 300 = 60, with room for the hash's spread
    for variant in MessageVariant.objects.select_related("message", "arm"):
        if variant.arm.name == "B":
            assert variant.message.subject == "Versie B voor nl" and variant.message.body_text.startswith("Tekst B")
        else:
            assert variant.message.subject.startswith("j-ontvangen")  # the step's own template


def test_a_version_may_change_the_channel_and_the_send_time(rabot):
    arms = [ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=50, channel="sms", delay_hours=3)]
    _experiment, trigger = journey_with_experiment(arms=arms, channels=("email", "sms"))
    enrol(trigger, citizens(40))
    for variant in MessageVariant.objects.select_related("message", "arm"):
        message = variant.message
        if variant.arm.name == "B":
            assert message.channel == "sms"
            assert timedelta(hours=2, minutes=59) < message.not_before - timezone.now() <= timedelta(hours=3)
            assert message_send(message_id=message.pk) == SendOutcome(SendOutcome.DEFERRED)  # waits, sent later
        else:
            assert message.channel == "email" and message.not_before is None
            assert messages_hold_back(message_ids=[message.pk]).ready == [message.pk]


def test_a_worker_retry_sends_the_same_version_once(rabot, scripted):
    _experiment, trigger = journey_with_experiment()
    people = citizens(12)
    enrol(trigger, people)
    variant = MessageVariant.objects.select_related("message").filter(arm__name="B").first()
    scripted.script = [RetryableError("503")]
    assert message_send(message_id=variant.message_id).status == Message.Status.CREATED  # a retry is due
    assert message_send(message_id=variant.message_id) == SendOutcome(Message.Status.SENT)
    assert message_send(message_id=variant.message_id) == SendOutcome(SendOutcome.SKIPPED)  # a duplicated task
    assert [call["to"] for call in scripted.calls] == [variant.message.recipient] * 2  # one failure, one send
    variant.message.refresh_from_db()
    assert variant.message.body_text.startswith(B_TEXT)


def test_citizens_reading_another_language_get_the_step_as_designed_and_are_not_counted(rabot):
    _experiment, trigger = journey_with_experiment()
    enrol(trigger, citizens(10, language="fr"))
    assert Message.objects.count() == 10
    assert not Exposure.objects.exists() and not MessageVariant.objects.exists()


def test_a_draft_experiment_changes_nothing(rabot):
    experiment, trigger = journey_with_experiment()
    experiment.status = "draft"
    experiment.save()
    enrol(trigger, citizens(10))
    assert Message.objects.count() == 10 and not Exposure.objects.exists()


def test_the_journey_diagram_can_ask_for_a_steps_versions(rabot):
    from automation.experiments.selectors import step_arms

    experiment, trigger = journey_with_experiment()
    enrol(trigger, citizens(8))
    arms = step_arms(journey_id=experiment.journey_id, step_key="ontvangen")
    assert [(arm.name, arm.weight, arm.control) for arm in arms] == [("A", 50, True), ("B", 50, False)]
    assert sum(arm.exposed for arm in arms) == 8
    assert step_arms(journey_id=experiment.journey_id, step_key="andere-stap") == []
