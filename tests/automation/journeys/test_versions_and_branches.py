"""Running enrolments finish on the version they began; branch steps read the message rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from automation.journeys.models import Enrolment, Journey
from automation.journeys.versioning import journey_version_publish
from automation.journeys.waking import journeys_wake_due
from automation.messages.models import Message
from automation.messages.transitions import message_transition
from tests.automation.journeys import builders
from tests.automation.journeys.test_runtime import deliver  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

TRIGGER = [("milestone", {"milestone": "omgevingsvergunning:aanvraag_ontvangen", "start_step": ""})]


def designed(steps, *, slug="j") -> Journey:
    builders.milestone("aanvraag_ontvangen")
    journey, _ = Journey.objects.get_or_create(slug=slug, defaults={"name": slug, "status": Journey.Status.ACTIVE})
    journey.trigger_design, journey.step_design = TRIGGER, steps
    journey.save()
    journey_version_publish(journey=journey)
    return journey


def send(key, template, channels="email", delivery="first"):
    return ("send", {"key": key, "template": builders.template(template).slug, "channels": channels, "delivery": delivery})


def wait(key="pauze", hours=1):
    return ("wait", {"key": key, "days": None, "hours": hours, "until": None})


@pytest.fixture
def wake_now(django_capture_on_commit_callbacks):
    """Let the wait steps' time pass, wake the enrolments and run the send tasks they queue."""

    def wake():
        Enrolment.objects.filter(status=Enrolment.Status.WAITING).update(wake_at=timezone.now() - timedelta(seconds=1))
        with django_capture_on_commit_callbacks(execute=True):
            return journeys_wake_due()

    return wake


def sent_templates() -> list[str]:
    return sorted(Message.objects.values_list("template__slug", flat=True))


def test_a_running_enrolment_finishes_on_the_version_it_began(rabot, deliver, wake_now):  # noqa: F811
    journey = designed([send("eerst", "v1-eerst"), wait(), send("daarna", "v1-daarna")])
    deliver(event_id="evt-old")
    journey.step_design = [send("eerst", "v2-eerst"), wait(), send("daarna", "v2-daarna")]
    journey.save()
    assert journey_version_publish(journey=journey).number == 2
    deliver(event_id="evt-new", dossier="OMV-2")
    assert wake_now() == 2
    old, new = Enrolment.objects.get(event__event_id="evt-old"), Enrolment.objects.get(event__event_id="evt-new")
    assert old.version.number == 1 and new.version.number == 2
    assert sorted(old.messages.values_list("template__slug", flat=True)) == ["v1-daarna", "v1-eerst"]
    assert sorted(new.messages.values_list("template__slug", flat=True)) == ["v2-daarna", "v2-eerst"]
    assert {old.status, new.status} == {Enrolment.Status.COMPLETED}


def bounce_then_sms_journey():
    return designed(
        [
            send("mail", "mail"),
            wait(),
            ("branch", {"key": "als-bounce", "on": "not_delivered", "after_step": "mail", "channel": "", "goto": "sms"}),
            ("exit", {"key": "klaar"}),
            send("sms", "sms-terugval", channels="sms"),
        ]
    )


def test_an_email_that_bounced_is_followed_by_an_sms(rabot, deliver, wake_now):  # noqa: F811
    bounce_then_sms_journey()
    deliver()
    email = Message.objects.get(channel="email")
    assert email.status == Message.Status.SENT
    assert message_transition(message_id=email.pk, from_status="sent", to_status="failed", detail="bounced")
    wake_now()
    assert sent_templates() == ["mail", "sms-terugval"]
    assert Message.objects.get(channel="sms").status == Message.Status.SENT


def test_an_email_that_got_through_sends_no_sms(rabot, deliver, wake_now):  # noqa: F811
    bounce_then_sms_journey()
    deliver()
    wake_now()
    assert sent_templates() == ["mail"]
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED


def test_a_suppressed_email_counts_as_not_delivered(rabot, deliver, wake_now):  # noqa: F811
    bounce_then_sms_journey()
    deliver(consent={"email": False, "sms": True})  # no e-mail at all: the step made no message
    wake_now()
    assert sent_templates() == ["sms-terugval"]


@pytest.mark.parametrize("sms_consent, expected", [(True, ["mail", "sms-ja"]), (False, ["mail"])])
def test_a_branch_on_sms_consent(rabot, deliver, sms_consent, expected):  # noqa: F811
    designed(
        [
            send("mail", "mail"),
            ("branch", {"key": "als-sms", "on": "consent", "after_step": "", "channel": "sms", "goto": "sms"}),
            ("exit", {"key": "klaar"}),
            send("sms", "sms-ja", channels="sms"),
        ]
    )
    deliver(consent={"email": True, "sms": sms_consent})
    assert sent_templates() == expected
