"""The journey runtime: conditions, channel choice, waits, exits, versions, and exactly once per event."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.core import mail
from django.utils import timezone

from automation.dossiers.models import DossierEvent
from automation.dossiers.services import dossier_event_process
from automation.journeys.models import Enrolment, JourneyCondition, JourneyStep
from automation.journeys.runtime import journeys_handle_event, wake_time
from automation.journeys.waking import journeys_wake_due
from automation.messages.models import Message
from tests.automation.journeys import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliver(post_event, event_payload, django_capture_on_commit_callbacks):
    def deliver_event(*, milestone="aanvraag_ontvangen", event_id="evt-1", data=None, dossier="OMV-1", **citizen):
        payload = {**event_payload, "milestone": milestone, "event_id": event_id}
        payload["dossier"] = {"id": dossier, "type": "omgevingsvergunning"}
        payload["citizen"] = {**event_payload["citizen"], **citizen}
        payload["data"] = data or {}
        with django_capture_on_commit_callbacks(execute=True):
            assert post_event(payload).status_code == 202
        return DossierEvent.objects.get(event_id=event_id)

    return deliver_event


def channels_sent() -> list[str]:
    return sorted(Message.objects.filter(status="sent").values_list("channel", flat=True))


def test_conditions_decide_who_is_enrolled(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version))
    JourneyCondition.objects.create(version=version, field="language", operator="in", value="fr, en")
    JourneyCondition.objects.create(version=version, field="attribute", key="perceel.zone", operator="equals", value="woongebied")
    deliver(language="nl", data={"perceel": {"zone": "woongebied"}})
    deliver(event_id="evt-2", language="fr", data={"perceel": {"zone": "industrie"}})
    assert Enrolment.objects.count() == 0
    deliver(event_id="evt-3", language="fr", data={"perceel": {"zone": "woongebied"}})
    assert Enrolment.objects.count() == 1


def test_a_consent_condition_reads_the_consent_the_event_just_gave(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version))
    JourneyCondition.objects.create(version=version, field="consent", key="sms", operator="equals", value="true")
    deliver(consent={"email": True, "sms": False})
    deliver(event_id="evt-2", consent={"email": True, "sms": True})
    assert Enrolment.objects.count() == 1


def test_first_delivery_falls_back_to_sms_when_email_is_not_possible(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version, delivery="first"))
    deliver(consent={"email": True, "sms": True})
    deliver(event_id="evt-2", email="", dossier="OMV-2")
    assert channels_sent() == ["email", "sms"]  # first event: e-mail only; second (no e-mail): SMS


def test_send_steps_follow_each_other(rabot, deliver):
    version = builders.journey()
    second = builders.send_step(version, "second", channels=["sms"])
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version, "first", channels=["email"], next_step=second))
    deliver()
    assert channels_sent() == ["email", "sms"]
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED


def test_a_wait_step_parks_the_enrolment_until_its_time(rabot, deliver, django_capture_on_commit_callbacks):
    version = builders.journey()
    after = builders.send_step(version, "after", channels=["sms"])
    wait = JourneyStep.objects.create(
        version=version, key="wait", kind="wait", wait_duration=timedelta(days=2), next_step=after
    )
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version, "before", channels=["email"], next_step=wait))
    deliver()
    enrolment = Enrolment.objects.get()
    assert enrolment.status == Enrolment.Status.WAITING and channels_sent() == ["email"]
    assert journeys_wake_due() == 0  # not yet
    Enrolment.objects.filter(pk=enrolment.pk).update(wake_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert journeys_wake_due() == 1
    assert channels_sent() == ["email", "sms"]
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED


def test_wait_until_a_time_of_day_means_the_next_such_time_in_brussels():
    step = JourneyStep(kind="wait", wait_until=time(9, 0))
    evening = datetime(2026, 11, 30, 20, 0, tzinfo=dt_timezone.utc)  # 21:00 in Brussels
    assert timezone.localtime(wake_time(step=step, now=evening)).isoformat() == "2026-12-01T09:00:00+01:00"
    morning = datetime(2026, 11, 30, 6, 0, tzinfo=dt_timezone.utc)  # 07:00 in Brussels
    assert timezone.localtime(wake_time(step=step, now=morning)).isoformat() == "2026-11-30T09:00:00+01:00"


def test_an_exit_milestone_ends_running_enrolments_of_the_same_dossier(rabot, deliver):
    version = builders.journey()
    reminder = builders.send_step(version, "reminder", channels=["email"])
    wait = JourneyStep.objects.create(version=version, key="wait", kind="wait", wait_duration=timedelta(days=14), next_step=reminder)
    builders.trigger(version, "aanvraag_ontvangen", entry=wait)
    builders.trigger(version, "beslissing_genomen", action="exit")
    deliver()
    deliver(event_id="evt-other", dossier="OMV-OTHER")
    event = deliver(event_id="evt-2", milestone="beslissing_genomen")
    assert event.status == DossierEvent.Status.PROCESSED  # an exit trigger listens too
    statuses = dict(Enrolment.objects.values_list("dossier__external_id", "status"))
    assert statuses == {"OMV-1": Enrolment.Status.EXITED, "OMV-OTHER": Enrolment.Status.WAITING}
    Enrolment.objects.update(wake_at=timezone.now() - timedelta(seconds=1))
    journeys_wake_due()
    assert Message.objects.count() == 1  # only the other dossier's reminder


def test_running_enrolments_finish_on_the_version_they_began(rabot, deliver, django_capture_on_commit_callbacks):
    first = builders.journey()
    old_step = builders.send_step(first, "old", channels=["email"], tpl=builders.template("old-words"))
    wait = JourneyStep.objects.create(version=first, key="wait", kind="wait", wait_duration=timedelta(days=1), next_step=old_step)
    builders.trigger(first, "aanvraag_ontvangen", entry=wait)
    deliver()
    second = builders.journey(existing=first.journey, number=2)
    builders.trigger(second, "aanvraag_ontvangen", entry=builders.send_step(second, "new", channels=["email"], tpl=builders.template("new-words")))
    deliver(event_id="evt-2", dossier="OMV-2")
    Enrolment.objects.filter(version=first).update(wake_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        journeys_wake_due()
    by_version = dict(Enrolment.objects.values_list("dossier__external_id", "version__number"))
    assert by_version == {"OMV-1": 1, "OMV-2": 2}
    assert sorted(email.subject for email in mail.outbox) == ["new-words OMV-2", "old-words OMV-1"]


def test_a_paused_journey_enrols_nobody(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version))
    version.journey.status = "paused"
    version.journey.save()
    assert deliver().status == DossierEvent.Status.UNMATCHED
    assert Message.objects.count() == 0


def test_processing_an_event_twice_creates_its_messages_once(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version))
    event = deliver()
    assert dossier_event_process(event_pk=event.pk) == []  # no longer `received`
    DossierEvent.objects.filter(pk=event.pk).update(status="received")  # as if a crash lost the status write
    assert dossier_event_process(event_pk=event.pk) == []  # the enrolment constraint still holds
    assert Message.objects.count() == 2 and Enrolment.objects.count() == 1


def test_the_runtime_itself_never_enrols_one_event_twice(rabot, deliver):
    version = builders.journey()
    builders.trigger(version, "aanvraag_ontvangen", entry=builders.send_step(version))
    event = deliver()
    again = journeys_handle_event(event=event, citizen=event.citizen, dossier=event.dossier)
    assert again.matched and again.message_ids == []
