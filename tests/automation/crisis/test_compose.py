"""Composing an alert: Dutch required, plain words sent exactly as typed, all or nothing."""

from __future__ import annotations

import pytest
from django.core import mail

from automation.crisis.compose import AlertText, CrisisAlertInvalid, crisis_alert_compose
from automation.crisis.models import CrisisAlert
from automation.crisis.services import CrisisAlertRefused, crisis_alert_confirm, crisis_alert_request
from automation.messages.creation import rendered_for
from automation.messages.models import MessageTemplate

pytestmark = pytest.mark.django_db

FIRE = AlertText("Brand in Rabot", "Hou ramen en deuren dicht.")


def test_dutch_is_required_and_nothing_is_stored_without_it(officers):
    with pytest.raises(CrisisAlertInvalid) as refused:
        crisis_alert_compose(
            by=officers[0], title="Brand", texts={"fr": AlertText("Incendie", "Fermez.")}, wijken=[], channels=["sms"]
        )
    assert "headline_nl" in refused.value.errors
    assert not CrisisAlert.objects.exists() and not MessageTemplate.objects.exists()


def test_a_headline_without_text_and_an_unknown_channel_are_named(officers):
    with pytest.raises(CrisisAlertInvalid) as refused:
        crisis_alert_compose(
            by=officers[0],
            title="Brand",
            texts={"nl": FIRE, "en": AlertText("Fire", "")},
            wijken=[],
            channels=["letter"],
        )
    assert set(refused.value.errors) == {"body_en", "channels"}


def test_someone_without_the_permission_cannot_compose(outsider):
    with pytest.raises(CrisisAlertRefused):
        crisis_alert_compose(by=outsider, title="Brand", texts={"nl": FIRE}, wijken=[], channels=["sms"])
    assert not CrisisAlert.objects.exists()


def test_braces_in_the_text_are_sent_as_typed_not_run_as_a_template(officers):
    text = AlertText("Bel {{ 112 }}", "Niet {% if x %}dit{% endif %} of {# dat #}; {x} blijft {x}.")
    alert = crisis_alert_compose(by=officers[0], title="Accolades", texts={"nl": text}, wijken=[], channels=["sms", "email"])
    sms = rendered_for(template=alert.template, channel="sms", language="nl", context={})
    email = rendered_for(template=alert.template, channel="email", language="nl", context={})
    assert sms.text == f"{text.headline}\n{text.body}"
    assert email.subject == text.headline and email.text == text.body


def test_composed_texts_reach_each_subscriber_in_their_language_with_the_link(
    officers, rabot, crisis_subscriber, sms_outbox, django_capture_on_commit_callbacks
):
    crisis_subscriber("fr-rabot", wijk=rabot, language="fr", phone="+32470000001")
    crisis_subscriber("en-city", wijk=None, language="en", phone="+32470000002", channels=("sms",))
    alert = crisis_alert_compose(
        by=officers[0],
        title="Brand Rabot",
        texts={"nl": FIRE, "fr": AlertText("Incendie à Rabot", "Fermez portes et fenêtres.")},
        wijken=[rabot],
        channels=["sms", "email"],
        url="https://stad.gent/brand",
    )
    crisis_alert_request(alert=alert, by=officers[0])
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_confirm(alert=alert, by=officers[1])
    texts = {sms.to: sms.body for sms in sms_outbox}
    assert texts == {
        "+32470000001": "Incendie à Rabot\nFermez portes et fenêtres.\nhttps://stad.gent/brand",
        "+32470000002": "Brand in Rabot\nHou ramen en deuren dicht.\nhttps://stad.gent/brand",
    }
    assert [(email.to, email.subject) for email in mail.outbox] == [(["fr-rabot@example.be"], "Incendie à Rabot")]


def test_a_composed_alert_calls_voice_subscribers_with_headline_and_text_but_no_link(
    officers, rabot, crisis_subscriber, voice_outbox, django_capture_on_commit_callbacks
):
    crisis_subscriber("luisteraar", wijk=rabot, language="fr", phone="+32470000007", channels=("voice",))
    crisis_subscriber("lezer", wijk=rabot, phone="+32470000008", channels=("sms",))  # not called
    texts = {"nl": FIRE, "fr": AlertText("Incendie à Rabot", "Fermez portes et fenêtres.")}
    alert = crisis_alert_compose(
        by=officers[0], title="Brand", texts=texts, wijken=[rabot], channels=["voice"], url="https://stad.gent/brand"
    )
    crisis_alert_request(alert=alert, by=officers[0])
    with django_capture_on_commit_callbacks(execute=True):
        crisis_alert_confirm(alert=alert, by=officers[1])
    [call] = voice_outbox
    assert (call.to, call.language) == ("+32470000007", "fr")
    parts = call.script.split("\n\n")
    assert parts[1] == parts[3] == "Incendie à Rabot. Fermez portes et fenêtres."
    assert "stad.gent/brand" not in call.script
