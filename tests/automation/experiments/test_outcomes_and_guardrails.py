"""What followed an exposure: a conversion counted once per citizen, and guardrails that stop a harmful version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from automation.contacts.models import Citizen
from automation.experiments.guardrails import experiment_guardrails_check
from automation.experiments.models import Exposure, MessageVariant
from automation.experiments.outcomes import experiment_outcomes_record
from automation.experiments.results import arm_figures
from automation.experiments.sweep import experiments_sweep
from automation.messages.models import DeliveryEvent, Message
from automation.messages.tracking import DeliveryReport, delivery_report_apply
from tests.automation.experiments.helpers import B_TEXT, citizens, enrol, journey_with_experiment, unsubscribe
from tests.automation.experiments.test_sending_versions import deliver  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def report(message, kind, event_id):
    return delivery_report_apply(
        DeliveryReport(provider="esp", event_id=event_id, kind=kind, occurred_at=timezone.now(), reference=str(message.reference))
    )


def test_the_next_milestone_within_the_window_converts_once(rabot, deliver):
    experiment, _trigger = journey_with_experiment(outcome_days=14)
    for number, ref in enumerate(["an", "bert", "cas", "dirk"], start=1):
        deliver(event_id=f"evt-{number}", dossier=f"OMV-{number}", ref=ref)
    # The case system only reports what happened, so time is moved the other way: the exposures were 20 days ago.
    Exposure.objects.update(exposed_at=F("exposed_at") - timedelta(days=20))
    now = timezone.now()
    deliver(milestone="volledig_verklaard", event_id="m-1", dossier="OMV-1", ref="an", occurred_at=now - timedelta(days=15))
    deliver(milestone="volledig_verklaard", event_id="m-2", dossier="OMV-1", ref="an", occurred_at=now - timedelta(days=14))
    deliver(milestone="volledig_verklaard", event_id="m-3", dossier="OMV-2", ref="bert", occurred_at=now - timedelta(hours=1))
    deliver(milestone="openbaar_onderzoek", event_id="m-4", dossier="OMV-3", ref="cas", occurred_at=now - timedelta(days=15))
    deliver(milestone="volledig_verklaard", event_id="m-5", dossier="OMV-4", ref="dirk", occurred_at=now - timedelta(days=25))
    assert experiment_outcomes_record(experiment=experiment)["converted"] == 1
    assert experiment_outcomes_record(experiment=experiment)["converted"] == 0  # a second run counts nothing again
    converted = Exposure.objects.filter(converted_at__isnull=False)
    assert list(converted.values_list("citizen__ref", flat=True)) == ["an"]  # bert too late, cas another milestone, dirk before
    assert sum(f.converted for f in arm_figures(experiment)) == 1


def test_a_click_outcome_counts_a_citizen_once_however_often_they_click(rabot):
    experiment, trigger = journey_with_experiment(outcome="click", outcome_milestone=None)
    enrol(trigger, citizens(4))
    first, second = MessageVariant.objects.select_related("message")[:2]
    report(first.message, DeliveryEvent.Kind.CLICKED, "click-1")
    report(first.message, DeliveryEvent.Kind.CLICKED, "click-2")
    report(second.message, DeliveryEvent.Kind.OPENED, "open-1")  # an open is not a click
    experiments_sweep()
    assert sum(f.converted for f in arm_figures(experiment)) == 1
    assert Exposure.objects.get(converted_at__isnull=False) == first.exposure


def test_bounces_complaints_and_unsubscribes_are_counted_per_version(rabot):
    experiment, trigger = journey_with_experiment()
    people = citizens(6)
    enrol(trigger, people)
    variants = list(MessageVariant.objects.select_related("message", "exposure__citizen"))
    report(variants[0].message, DeliveryEvent.Kind.BOUNCED, "b-1")
    report(variants[1].message, DeliveryEvent.Kind.COMPLAINED, "c-1")  # also withdraws e-mail consent
    unsubscribe(variants[2].exposure.citizen)
    experiment_outcomes_record(experiment=experiment)
    totals = {name: sum(f.guardrails[name] for f in arm_figures(experiment)) for name in ("bounced", "complained", "unsubscribed")}
    assert totals == {"bounced": 1, "complained": 1, "unsubscribed": 2}  # the complaint is an unsubscribe too
    by_arm = {f.arm.name: f.guardrails["bounced"] for f in arm_figures(experiment)}
    assert by_arm[variants[0].arm.name] == 1


def test_a_version_that_makes_people_unsubscribe_is_stopped_and_its_citizens_get_the_control(rabot):
    experiment, trigger = journey_with_experiment()
    people = citizens(260)
    enrol(trigger, people)
    arms = dict(Exposure.objects.values_list("citizen_id", "arm__name"))
    in_b = [c for c in people if arms[c.pk] == "B"]
    in_a = [c for c in people if arms[c.pk] == "A"]
    assert len(in_a) >= 100 and len(in_b) >= 100
    assert experiment_guardrails_check(experiment=experiment) == []  # nobody unsubscribed yet
    for citizen in in_b[::3]:  # a third of B leaves, one of A
        unsubscribe(citizen)
    unsubscribe(in_a[0])
    experiment_outcomes_record(experiment=experiment)
    assert experiment_guardrails_check(experiment=experiment) == ["B"]
    assert experiment_guardrails_check(experiment=experiment) == []  # stopped once
    arm_b = experiment.arms.get(name="B")
    assert arm_b.stopped_at is not None and "afgemeld" in arm_b.stopped_reason and "controle" in arm_b.stopped_reason
    staying = next(c for c in in_b if Citizen.objects.get(pk=c.pk).consents.filter(channel="email", granted=True).exists())
    enrol(trigger, [staying], occasion="tweede")
    latest = MessageVariant.objects.select_related("message", "exposure__arm").filter(message__citizen=staying).latest("pk")
    assert latest.arm.name == "A" and not latest.message.body_text.startswith(B_TEXT)
    assert latest.exposure.arm.name == "B"  # still counted where they were assigned


def test_the_control_is_never_stopped_by_a_guardrail(rabot):
    experiment, trigger = journey_with_experiment()
    people = citizens(260)
    enrol(trigger, people)
    arms = dict(Exposure.objects.values_list("citizen_id", "arm__name"))
    for citizen in [c for c in people if arms[c.pk] == "A"][::3]:
        unsubscribe(citizen)
    experiment_outcomes_record(experiment=experiment)
    assert experiment_guardrails_check(experiment=experiment) == []
    assert not experiment.arms.filter(stopped_at__isnull=False).exists()
    assert Message.objects.count() == 260
