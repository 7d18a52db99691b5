"""Crisis alerts: two people, the right audience in each one's language, at any hour, exactly once."""

from __future__ import annotations

import pytest
from django.core import mail

from automation.contacts.models import Subscription
from automation.crisis.fan_out import crisis_alert_fan_out, crisis_alert_progress
from automation.crisis.models import CrisisAlert
from automation.crisis.services import CrisisAlertRefused, crisis_alert_confirm, crisis_alert_request
from automation.messages.models import Message, MessageTemplate, TemplateContent
from cms.core.models import Wijk
from tests.automation.factories import make_citizen
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(rabot):
    template = MessageTemplate.objects.create(slug="brand-rabot", name="Brand Rabot")
    for language, text in {"nl": "Grote brand in Rabot. Hou ramen en deuren dicht.", "fr": "Grand incendie à Rabot."}.items():
        TemplateContent.objects.create(template=template, channel="sms", language=language, body_text=text)
        TemplateContent.objects.create(template=template, channel="email", language=language, subject="Brand", body_text=text)
    crisis = CrisisAlert.objects.create(title="Brand Rabot", template=template, channels=["sms", "email"])
    crisis.wijken.add(rabot)
    return crisis


def subscriber(ref, *, wijk=None, language="nl", phone="+32470123456", channels=("email", "sms")):
    citizen = make_citizen(ref=ref, email=f"{ref}@example.be", phone=phone, language=language, consent=channels)
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS, wijk=wijk, status=Subscription.Status.ACTIVE)
    return citizen


def test_the_person_who_requests_cannot_confirm(alert, officers):
    sofie, _karim = officers
    crisis_alert_request(alert=alert, by=sofie)
    with pytest.raises(CrisisAlertRefused, match="second person"):
        crisis_alert_confirm(alert=alert, by=sofie)
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.AWAITING_CONFIRMATION


def test_without_the_permission_nobody_can_request(alert, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    with pytest.raises(CrisisAlertRefused, match="may not"):
        crisis_alert_request(alert=alert, by=editor)


def test_a_confirmed_alert_reaches_the_wijk_and_citywide_subscribers_in_their_language(
    alert, officers, rabot, sms_outbox, django_capture_on_commit_callbacks, settings
):
    settings.AUTOMATION_SMS_QUIET_HOURS = "00:00-23:59"  # night or day: a crisis alert goes out
    elsewhere = Wijk.objects.exclude(pk=rabot.pk).first()
    subscriber("in-rabot", wijk=rabot)
    subscriber("citywide", wijk=None, language="fr", phone="+32470000001")
    subscriber("in-other-wijk", wijk=elsewhere, phone="+32470000002")
    subscriber("english", wijk=rabot, language="en", phone="+32470000003", channels=("sms",))
    sofie, karim = officers
    crisis_alert_request(alert=alert, by=sofie)
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_confirm(alert=alert, by=karim)
    texts = {sms.to: sms.body for sms in sms_outbox}
    assert texts == {
        "+32470123456": "Grote brand in Rabot. Hou ramen en deuren dicht.",
        "+32470000001": "Grand incendie à Rabot.",
        "+32470000003": "Grote brand in Rabot. Hou ramen en deuren dicht.",  # no English text: Dutch
    }
    assert sorted(email.to[0] for email in mail.outbox) == ["citywide@example.be", "in-rabot@example.be"]
    assert crisis_alert_progress(alert=alert) == {"total": 5, "sent": 5, "pending": 0, "failed": 0, "suppressed": 0}
    alert.refresh_from_db()
    assert alert.status == CrisisAlert.Status.FANNED_OUT


def test_the_fan_out_goes_on_the_crisis_queue(alert, officers, rabot, monkeypatch, django_capture_on_commit_callbacks):
    subscriber("in-rabot", wijk=rabot)
    fan_outs = record_enqueued(monkeypatch, "automation.fan_out_crisis_alert")
    crisis_alert_request(alert=alert, by=officers[0])
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_confirm(alert=alert, by=officers[1])
    assert [(call.args, call.queue) for call in fan_outs] == [((alert.pk,), "crisis")]
    sends = record_enqueued(monkeypatch, "automation.send_message")
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_fan_out(alert_id=alert.pk)
    assert [call.queue for call in sends] == ["crisis", "crisis"]


def test_a_fan_out_run_twice_or_in_small_chunks_makes_each_message_once(alert, rabot, monkeypatch):
    record_enqueued(monkeypatch, "automation.send_message")  # queued, not sent
    for number in range(5):
        subscriber(f"c{number}", wijk=rabot, phone=f"+3247000001{number}")
    CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.CONFIRMED)
    assert crisis_alert_fan_out(alert_id=alert.pk, chunk_size=2) == 10
    CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.CONFIRMED)  # as if re-delivered
    assert crisis_alert_fan_out(alert_id=alert.pk, chunk_size=3) == 0
    assert Message.objects.filter(crisis_alert=alert).count() == 10
    assert all(m.history.count() == 1 for m in Message.objects.filter(crisis_alert=alert))


def test_the_audience_counted_before_the_request_is_what_the_fan_out_makes(alert, rabot, monkeypatch):
    """One rule for who may be reached: no consent, no address or a blocked address gets no message."""
    from automation.contacts.models import Suppression
    from automation.crisis.audience import crisis_audience_size

    record_enqueued(monkeypatch, "automation.send_message")
    subscriber("both", wijk=rabot, phone="+32470000021")
    subscriber("sms-only", wijk=rabot, phone="+32470000022", channels=("sms",))
    subscriber("bounced", wijk=rabot, phone="+32470000023")
    Suppression.objects.create(channel="email", address="bounced@example.be", reason=Suppression.Reason.HARD_BOUNCE)
    subscriber("stopped", wijk=rabot, phone="+32470000024")
    Suppression.objects.create(channel="sms", address="+32470000024", reason=Suppression.Reason.SMS_STOP)

    counted = crisis_audience_size(wijk_ids=[rabot.pk], channels=["sms", "email"])
    CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.CONFIRMED)
    made = crisis_alert_fan_out(alert_id=alert.pk)

    assert counted == {"subscribers": 4, "per_channel": {"sms": 3, "email": 2}, "messages": 5}
    assert made == counted["messages"]
    assert set(Message.objects.filter(crisis_alert=alert).values_list("recipient", flat=True)) == {
        "+32470000021", "both@example.be", "+32470000022", "+32470000023", "stopped@example.be",
    }
