"""STOP and START by SMS, in the city's languages, for every citizen with that number."""

from datetime import datetime, timezone

import pytest

from automation.contacts.models import Suppression
from automation.contacts.selectors import citizen_can_receive
from automation.contacts.sms_keywords import keyword_of, sms_keyword_received
from tests.automation.factories import make_citizen

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", ["STOP", "stop.", " Stop please", "ARRÊT", "arret", "Afmelden", "UNSUBSCRIBE"])
def test_stop_words_are_understood(text):
    assert keyword_of(text) == "stop"


@pytest.mark.parametrize("text", ["", "bedankt", "when does it stop", "🙂"])
def test_other_texts_are_not_keywords(text):
    assert keyword_of(text) is None


@pytest.mark.django_db
def test_stop_then_start_stops_and_resumes_sms():
    citizen = make_citizen()
    assert sms_keyword_received(phone="+32470123456", text="STOP", provider="test", at=NOW) == "stop"
    assert not citizen_can_receive(citizen=citizen, channel="sms")
    assert Suppression.objects.filter(channel="sms", address="+32470123456").exists()
    assert sms_keyword_received(phone="+32470123456", text="START", provider="test", at=NOW) == "start"
    assert citizen_can_receive(citizen=citizen, channel="sms")
    assert citizen.consent_changes.last().source == "sms-start:test"
