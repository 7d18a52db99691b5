"""Voice calls through Twilio's Programmable Voice API, against a fake Twilio at the wire (a local HTTP server).

A crisis alert calls each voice subscriber once, in their language, and never again: not
when the fan-out runs twice, not after a lost worker (the call is found at Twilio by
number and time). Twilio's signed status callbacks record each outcome once; anything
unsigned or forged is a 401 with nothing recorded. Quiet hours hold a milestone call, not
a crisis call; withdrawn consent means no call.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from automation.channels.errors import PermanentError, RetryableError
from automation.contacts.models import Subscription
from automation.contacts.services import consent_record
from automation.crisis.fan_out import crisis_alert_fan_out
from automation.crisis.models import CrisisAlert
from automation.messages.creation import message_create
from automation.messages.models import DeliveryEvent, Message, MessageTemplate, TemplateContent
from automation.messages.sending import message_send
from integrations.twilio.voice import TwilioVoiceBackend
from tests.automation.factories import make_citizen
from tests.integration.automation.fake_twilio import FakeTwilio
from tests.integrations.conftest import PUBLIC

pytestmark = pytest.mark.django_db
STATUS_PATH = "/api/automation/voice/twilio/status/"
TOKEN = "twilio-token"


@pytest.fixture
def fake_twilio(settings):
    fake = FakeTwilio().start()
    settings.TWILIO_API_BASE = fake.url
    settings.AUTOMATION_VOICE_BACKEND = "integrations.twilio.voice.TwilioVoiceBackend"
    yield fake
    fake.stop()


@pytest.fixture
def alarm():
    template = MessageTemplate.objects.create(slug="alarm", name="Alarm")
    for language, text in {"nl": "Grote brand in Rabot. Blijf binnen.", "fr": "Grand incendie à Rabot. Restez à l'intérieur."}.items():
        TemplateContent.objects.create(template=template, channel="sms", language=language, body_text=text)
    return template


def voice_subscriber(ref, *, phone, language="nl", consent=("voice",)):
    citizen = make_citizen(ref=ref, email="", phone=phone, language=language, consent=consent)
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS, status=Subscription.Status.ACTIVE)
    return citizen


def call_back(client, fake, placed, status, **kwargs):
    url, form, signature = fake.call_back(placed, status, token=TOKEN, **kwargs)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == PUBLIC
    return client.post(f"{parts.path}?{parts.query}", data=form, HTTP_X_TWILIO_SIGNATURE=signature)


def spoken(placed) -> list[str]:
    root = ET.fromstring(placed["Twiml"])
    return [say.text for say in root.iter("Say")]


def test_a_call_is_placed_with_twiml_in_the_citizens_locale_and_a_callback_naming_our_reference(fake_twilio):
    result = TwilioVoiceBackend().call(to="+32470123456", script="Bonjour.\n\nAu revoir.", language="fr", reference="ref-1")
    [placed] = fake_twilio.calls
    assert (result.provider, result.provider_message_id) == ("twilio", placed["sid"])
    assert (placed["To"], placed["From"], placed["StatusCallbackMethod"]) == ("+32470123456", "+3292101010", "POST")
    assert placed["StatusCallback"] == f"{PUBLIC}{STATUS_PATH}?ref=ref-1"
    root = ET.fromstring(placed["Twiml"])
    assert [(say.get("language"), say.get("voice"), say.text) for say in root.iter("Say")] == [
        ("fr-BE", "Google.fr-BE-Standard-A", "Bonjour."), ("fr-BE", "Google.fr-BE-Standard-A", "Au revoir.")
    ]


@pytest.mark.parametrize("answer, error", [(400, PermanentError), (500, RetryableError), (401, RetryableError)])
def test_twilios_refusals_become_typed_errors(fake_twilio, answer, error):
    fake_twilio.script = [answer]
    with pytest.raises(error):
        TwilioVoiceBackend().call(to="+32470123456", script="Dag.", language="nl", reference="r")
    assert fake_twilio.calls == []


def test_a_script_longer_than_twilio_takes_is_refused_before_asking(fake_twilio):
    with pytest.raises(PermanentError, match="4000"):
        TwilioVoiceBackend().call(to="+32470123456", script="bla " * 1200, language="nl", reference="r")
    assert fake_twilio.requests == 0


def test_without_a_calling_number_nothing_is_placed(fake_twilio, settings):
    settings.TWILIO_VOICE_FROM = ""
    with pytest.raises(PermanentError, match="TWILIO_VOICE_FROM"):
        TwilioVoiceBackend().call(to="+32470123456", script="Dag.", language="nl", reference="r")
    assert fake_twilio.requests == 0


def test_a_crisis_alert_reaches_each_voice_subscriber_exactly_once_in_their_language(
    fake_twilio, alarm, client, django_capture_on_commit_callbacks, settings
):
    settings.AUTOMATION_SMS_QUIET_HOURS = "00:00-23:59"  # day or night: a crisis call goes out
    voice_subscriber("an", phone="+32470000001")
    voice_subscriber("jeanne", phone="+32470000002", language="fr")
    voice_subscriber("texts-only", phone="+32470000003", consent=("sms",))  # never said yes to calls
    withdrawn = voice_subscriber("withdrawn", phone="+32470000004")
    consent_record(citizen=withdrawn, channel="voice", granted=False, source="test", recorded_at=timezone.now())
    alert = CrisisAlert.objects.create(title="Alarm", template=alarm, channels=["voice"], status="confirmed")

    with django_capture_on_commit_callbacks(execute=True):
        assert crisis_alert_fan_out(alert_id=alert.pk) == 2
    alert.status = CrisisAlert.Status.CONFIRMED  # a second run (a redelivered task) makes nothing new
    alert.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert crisis_alert_fan_out(alert_id=alert.pk) == 0

    assert fake_twilio.calls_per_recipient() == {"+32470000001": 1, "+32470000002": 1}
    by_number = {placed["To"]: spoken(placed) for placed in fake_twilio.calls}
    dutch, french = by_number["+32470000001"], by_number["+32470000002"]
    assert dutch[1] == dutch[3] == "Grote brand in Rabot. Blijf binnen."  # the SMS text, said twice
    assert dutch[4].startswith("U krijgt deze oproep omdat u een abonnement hebt op crisisberichten")
    assert french[1] == french[3] == "Grand incendie à Rabot. Restez à l'intérieur."
    assert set(Message.objects.values_list("channel", "status")) == {("voice", "sent")}

    # Twilio says how each call ended; the outcome lands on the message, once.
    calls = {placed["To"]: placed for placed in fake_twilio.calls}
    assert call_back(client, fake_twilio, calls["+32470000001"], "completed").status_code == 204
    assert call_back(client, fake_twilio, calls["+32470000001"], "completed").status_code == 204  # Twilio retried
    assert call_back(client, fake_twilio, calls["+32470000002"], "busy").status_code == 204
    outcomes = dict(Message.objects.values_list("recipient", "status"))
    assert outcomes == {"+32470000001": "delivered", "+32470000002": "failed"}
    assert DeliveryEvent.objects.count() == 2


@pytest.fixture
def sent_call(fake_twilio, alarm):
    citizen = make_citizen(email="", phone="+32470000009", consent=("voice",))
    message = message_create(citizen=citizen, channel="voice", template=alarm, purpose="crisis", context={})
    assert message_send(message_id=message.pk).status == Message.Status.SENT
    [placed] = fake_twilio.calls
    return message, placed


@pytest.mark.parametrize(
    "call_status, message_status, history",
    [
        ("completed", "delivered", "twilio: delivered (call answered, 31 s)"),
        ("busy", "failed", "twilio: failed (call busy)"),
        ("no-answer", "failed", "twilio: failed (call no answer)"),
        ("failed", "failed", "twilio: failed (call the call could not be placed)"),
        ("canceled", "failed", "twilio: failed (call canceled)"),
    ],
)
def test_each_call_outcome_is_recorded_on_its_message(client, fake_twilio, sent_call, call_status, message_status, history):
    message, placed = sent_call
    assert call_back(client, fake_twilio, placed, call_status).status_code == 204
    message.refresh_from_db()
    assert message.status == message_status
    assert message.history.order_by("pk").last().detail == history


def test_the_outcome_finds_its_message_by_our_reference_even_without_twilios_sid(client, fake_twilio, sent_call):
    message, placed = sent_call
    Message.objects.filter(pk=message.pk).update(provider_message_id="")  # e.g. recorded after a lost worker
    call_back(client, fake_twilio, placed, "no-answer")
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED and DeliveryEvent.objects.get().message_id == message.pk


@pytest.mark.parametrize(
    "signature",
    [None, "", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "ïñvàlïd-sïgnätürê", "forged\u2603"],
    ids=["missing", "empty", "wrong", "non-ascii", "snowman"],
)
def test_an_unsigned_or_forged_status_callback_is_401_and_changes_nothing(client, fake_twilio, sent_call, signature):
    message, placed = sent_call
    url, form, _good = fake_twilio.call_back(placed, "completed", token=TOKEN)
    headers = {} if signature is None else {"HTTP_X_TWILIO_SIGNATURE": signature}
    response = client.post(urlsplit(url).path + "?" + urlsplit(url).query, data=form, **headers)
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and DeliveryEvent.objects.count() == 0


def test_a_callback_signed_for_another_reference_is_refused(client, fake_twilio, sent_call):
    message, placed = sent_call
    url, form, signature = fake_twilio.call_back(placed, "completed", token=TOKEN)
    other = urlsplit(url).path + "?ref=" + "0" * 32  # the signature covers the URL we gave Twilio
    assert client.post(other, data=form, HTTP_X_TWILIO_SIGNATURE=signature).status_code == 401


def test_after_a_lost_worker_the_call_is_found_at_twilio_and_not_placed_again(fake_twilio, sent_call):
    message, placed = sent_call
    # What the sweep does with a message whose worker died after Twilio took the call.
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.CREATED, in_doubt=True, provider_message_id="", created_at=timezone.now() - timedelta(minutes=5)
    )
    assert message_send(message_id=message.pk).status == Message.Status.SENT
    message.refresh_from_db()
    assert fake_twilio.calls_per_recipient() == {"+32470000009": 1}
    assert message.provider_message_id == placed["sid"]
    assert message.history.order_by("pk").last().detail == "found at twilio after a lost worker: not sent again"
    [lookup] = fake_twilio.lookups
    assert urlsplit(lookup).path.endswith("/Calls.json")
    query = parse_qs(urlsplit(lookup).query)
    assert query["To"] == ["+32470000009"]
    assert query["StartTime>"] == [(message.created_at - timedelta(days=1)).date().isoformat()]


def test_a_call_twilio_does_not_hold_is_placed_after_a_lost_worker(fake_twilio, alarm):
    citizen = make_citizen(email="", phone="+32470000010", consent=("voice",))
    message = message_create(citizen=citizen, channel="voice", template=alarm, purpose="crisis", context={})
    Message.objects.filter(pk=message.pk).update(in_doubt=True)  # the worker died before Twilio was asked
    assert message_send(message_id=message.pk).status == Message.Status.SENT
    assert fake_twilio.calls_per_recipient() == {"+32470000010": 1}


def test_quiet_hours_hold_a_milestone_call_but_not_a_crisis_call(fake_twilio, alarm, settings):
    now = timezone.localtime()
    settings.AUTOMATION_SMS_QUIET_HOURS = f"{now - timedelta(hours=1):%H:%M}-{now + timedelta(hours=1):%H:%M}"
    citizen = make_citizen(email="", phone="+32470000020", consent=("voice",))
    milestone = message_create(citizen=citizen, channel="voice", template=alarm, purpose="service", context={})
    crisis = message_create(citizen=citizen, channel="voice", template=alarm, purpose="crisis", context={})
    assert message_send(message_id=milestone.pk).status == "deferred"
    assert message_send(message_id=crisis.pk).status == Message.Status.SENT
    milestone.refresh_from_db()
    assert milestone.status == Message.Status.CREATED and milestone.not_before is not None
    assert len(fake_twilio.calls) == 1


def test_consent_withdrawn_after_the_message_was_made_means_no_call(fake_twilio, alarm):
    citizen = make_citizen(email="", phone="+32470000030", consent=("voice",))
    message = message_create(citizen=citizen, channel="voice", template=alarm, purpose="crisis", context={})
    consent_record(citizen=citizen, channel="voice", granted=False, source="preference-centre", recorded_at=timezone.now())
    assert message_send(message_id=message.pk).status == Message.Status.SUPPRESSED
    assert fake_twilio.calls == []
