"""A citizen who chose "bel mij": the signed event says so, and each milestone is a phone call read aloud.

The demo journey tries the preferred channel first; the call speaks the milestone's text
(its SMS text, no template of its own for the ear) twice, in the citizen's language, with
the dossier named as the reason, and how to stop. The contract refuses "voice" without a
number to call, naming the field.
"""

from __future__ import annotations

import pytest
from django.core import mail

from automation.contacts.models import Citizen
from automation.contacts.selectors import citizen_consents
from automation.journeys.demo import demo_journey_install
from automation.messages.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def caller(event_payload):
    payload = dict(event_payload)
    payload["citizen"] = {**payload["citizen"], "language": "fr", "consent": {"email": True, "voice": True},
                          "preferred_channel": "voice"}  # fmt: skip
    return payload


def test_a_citizen_who_prefers_calls_is_called_for_each_milestone_in_their_language(
    rabot, post_event, caller, sms_outbox, voice_outbox, django_capture_on_commit_callbacks
):
    demo_journey_install()
    for changes in ({}, {"event_id": "evt-2", "milestone": "beslissing_genomen", "data": {"decision": "permis accordé"}}):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_event({**caller, **changes}).status_code == 202
    citizen = Citizen.objects.get(ref="citizen-42")
    assert citizen.preferred_channel == "voice" and citizen_consents(citizen=citizen)["voice"] is True
    assert mail.outbox == [] and sms_outbox == []  # the preferred channel, once per milestone: no e-mail as well
    assert list(Message.objects.order_by("pk").values_list("channel", "status")) == [("voice", "sent")] * 2
    received, decided = voice_outbox
    assert (received.to, received.language) == ("+32470123456", "fr")
    parts = received.script.split("\n\n")
    assert parts[1] == parts[3] and "OMV-2026-000123" in parts[1]  # the milestone's text, said twice
    assert parts[4].startswith("Vous recevez cet appel parce que vous avez un dossier auprès de la Ville de Gand : OMV-2026-000123")
    assert "une décision a été prise sur votre demande OMV-2026-000123" in decided.script


def test_voice_as_preferred_channel_needs_a_phone_number(post_event, caller, rabot):
    caller["citizen"].pop("phone")
    response = post_event(caller)
    assert response.status_code == 400
    names = {param["name"] for param in response.json()["invalid_params"]}
    assert names == {"citizen.phone"}
    assert not Citizen.objects.exists()
