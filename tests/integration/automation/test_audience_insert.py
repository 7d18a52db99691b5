"""A crisis alert's messages copied in the database are the messages built one by one.

On PostgreSQL the fan-out makes SMS, call and letter messages with one `INSERT ... SELECT`
per chunk (`messages/audience_insert.py`) from a message built once per language. Each
copy must be what `message_build` makes for that citizen: same words in the right
language (Dutch where a translation is missing), same framing of a call, the citizen's
own address, a reference of its own, and its first history row; nobody the consent rule
refuses, and nothing made twice when the fan-out runs again.
"""

from __future__ import annotations

import pytest
from django.db import connection

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, Subscription, Suppression
from automation.crisis.fan_out import crisis_alert_fan_out
from automation.crisis.models import CrisisAlert
from automation.messages.creation import message_build, rendered_for
from automation.messages.models import Message, MessageTemplate, TemplateContent
from automation.purposes import Purpose
from cms.core.models import Wijk
from automation.contacts.services import consent_record
from tests.automation.factories import CONSENT_TIME, make_citizen
from tests.cms.work.recording import record_enqueued

pytestmark = pytest.mark.integration
COMPARED = [
    field.name for field in Message._meta.concrete_fields
    if field.name not in ("id", "reference", "created_at", "updated_at")
]  # fmt: skip


@pytest.fixture
def rabot(db):
    return Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})[0]


@pytest.fixture
def alert(rabot):
    template = MessageTemplate.objects.create(slug="brand-rabot", name="Brand Rabot")
    for language, text in {"nl": "Grote brand in Rabot. Hou ramen dicht.", "fr": "Grand incendie à Rabot."}.items():
        TemplateContent.objects.create(template=template, channel="sms", language=language, body_text=text)
        TemplateContent.objects.create(template=template, channel="letter", language=language, body_text=f"{text} (brief)")
        TemplateContent.objects.create(template=template, channel="email", language=language, subject="Brand", body_text=text)
    crisis = CrisisAlert.objects.create(
        title="Brand Rabot", template=template, channels=["sms", "voice", "letter", "email"], status="confirmed"
    )
    crisis.wijken.add(rabot)
    return crisis


def subscriber(ref, wijk, *, language="nl", phone="", postal="", channels=("sms", "voice", "email")):
    citizen = make_citizen(ref=ref, email=f"{ref}@example.be", phone=phone, language=language, consent=channels)
    Citizen.objects.filter(pk=citizen.pk).update(postal_address=postal)
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS, wijk=wijk, status=Subscription.Status.ACTIVE)
    return citizen


def test_copied_messages_are_what_message_build_makes_for_each_citizen(alert, rabot, monkeypatch):
    assert connection.vendor == "postgresql"
    record_enqueued(monkeypatch, "automation.send_message")
    subscriber("an", rabot, phone="+32470000001", postal="Rabotstraat 1\n9000 Gent")
    subscriber("amelie", rabot, language="fr", phone="+32470000002")
    subscriber("john", rabot, language="en", phone="+32470000003", postal="Wondelgemstraat 3\n9000 Gent")
    subscriber("no-sms-consent", rabot, phone="+32470000004", channels=("email",))
    subscriber("stopped", rabot, phone="+32470000005")
    subscriber("no-letter", rabot, phone="+32470000006", postal="Bloemekenswijk 6", channels=("sms",))
    Suppression.objects.create(channel="sms", address="+32470000005", reason=Suppression.Reason.SMS_STOP)
    consent_record(citizen=Citizen.objects.get(ref="no-letter"), channel="letter", granted=False, source="test",
                   recorded_at=CONSENT_TIME)  # fmt: skip

    made = crisis_alert_fan_out(alert_id=alert.pk, chunk_size=2)

    messages = Message.objects.filter(crisis_alert=alert).select_related("citizen").order_by("citizen__ref", "channel")
    assert made == messages.count()
    got = {(m.citizen.ref, m.channel) for m in messages}
    assert got == {
        ("an", "sms"), ("an", "voice"), ("an", "letter"), ("an", "email"),
        ("amelie", "sms"), ("amelie", "voice"), ("amelie", "email"),
        ("john", "sms"), ("john", "voice"), ("john", "letter"), ("john", "email"),
        ("no-sms-consent", "email"),
        ("stopped", "voice"), ("stopped", "email"),  # the STOP was for texts only
        ("no-letter", "sms"),
    }  # fmt: skip
    for message in messages:
        rendered = rendered_for(template=alert.template, channel=message.channel, language=message.citizen.language, context={})
        expected = message_build(
            citizen=message.citizen, channel=message.channel, rendered=rendered, template=alert.template,
            purpose=Purpose.CRISIS, context={}, crisis_alert=alert,
        )  # fmt: skip
        if message.channel != ChannelKind.EMAIL:  # e-mail links carry a fresh signature each time they are made
            assert {name: getattr(message, name) for name in COMPARED} == {name: getattr(expected, name) for name in COMPARED}
        assert list(message.history.values_list("from_status", "to_status")) == [("", "created")]
    texts = {(m.citizen.ref, m.channel): m.body_text for m in messages}
    assert texts[("john", "sms")] == "Grote brand in Rabot. Hou ramen dicht."  # no English words: Dutch
    assert texts[("amelie", "sms")] == "Grand incendie à Rabot."
    assert "Grand incendie à Rabot." in texts[("amelie", "voice")]
    assert len({m.reference for m in messages}) == messages.count()
    assert {m.recipient for m in messages if m.channel == "letter"} == {"Rabotstraat 1\n9000 Gent", "Wondelgemstraat 3\n9000 Gent"}


def test_a_fan_out_run_again_copies_nothing_twice(alert, rabot, monkeypatch):
    record_enqueued(monkeypatch, "automation.send_message")
    for number in range(5):
        subscriber(f"c{number}", rabot, phone=f"+3247000001{number}")
    first = crisis_alert_fan_out(alert_id=alert.pk, chunk_size=2)
    Message.objects.filter(crisis_alert=alert, citizen__ref="c3", channel="sms").delete()  # as if lost in a crash
    CrisisAlert.objects.filter(pk=alert.pk).update(status=CrisisAlert.Status.CONFIRMED)  # as if re-delivered
    again = crisis_alert_fan_out(alert_id=alert.pk, chunk_size=3)
    assert (first, again) == (15, 1)
    assert Message.objects.filter(crisis_alert=alert).count() == 15
    assert all(m.history.count() == 1 for m in Message.objects.filter(crisis_alert=alert))


def test_without_dutch_words_a_citizen_in_another_language_gets_nothing_on_that_channel(alert, rabot, monkeypatch):
    record_enqueued(monkeypatch, "automation.send_message")
    TemplateContent.objects.filter(template=alert.template, channel="sms", language="nl").delete()
    subscriber("an", rabot, phone="+32470000001")
    subscriber("amelie", rabot, language="fr", phone="+32470000002")
    crisis_alert_fan_out(alert_id=alert.pk)
    texts = set(Message.objects.filter(crisis_alert=alert, channel="sms").values_list("citizen__ref", "body_text"))
    assert texts == {("amelie", "Grand incendie à Rabot.")}
