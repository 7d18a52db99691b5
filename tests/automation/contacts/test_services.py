"""Citizens and consent: written with time and source, and late news never overwrites newer news."""

from datetime import datetime, timedelta, timezone

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from automation.contacts.models import ChannelConsent, ConsentChange, Subscription
from automation.contacts.selectors import citizen_can_receive, citizen_consents
from automation.contacts.services import ContactDetails, citizen_upsert, consent_record
from automation.contacts.models import Suppression

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
TUESDAY = MONDAY + timedelta(days=1)


def test_a_new_reference_creates_a_citizen_with_the_details_given(rabot):
    citizen = citizen_upsert(
        ref="rrn-1",
        details=ContactDetails(email="an@example.be", phone="+32470123456", language="fr", wijk_id=rabot.pk),
        observed_at=MONDAY,
    )
    citizen.refresh_from_db()
    assert (citizen.email, citizen.phone, citizen.language, citizen.wijk) == (
        "an@example.be",
        "+32470123456",
        "fr",
        rabot,
    )


def test_details_not_mentioned_are_left_as_they_are():
    citizen_upsert(ref="rrn-1", details=ContactDetails(email="an@example.be", language="en"), observed_at=MONDAY)
    citizen = citizen_upsert(ref="rrn-1", details=ContactDetails(phone="+32470123456"), observed_at=TUESDAY)
    citizen.refresh_from_db()
    assert (citizen.email, citizen.language, citizen.phone) == ("an@example.be", "en", "+32470123456")


def test_an_event_that_arrives_late_does_not_overwrite_newer_details():
    citizen_upsert(ref="rrn-1", details=ContactDetails(email="new@example.be"), observed_at=TUESDAY)
    citizen = citizen_upsert(ref="rrn-1", details=ContactDetails(email="old@example.be"), observed_at=MONDAY)
    citizen.refresh_from_db()
    assert citizen.email == "new@example.be"


def test_a_phone_number_not_in_e164_is_refused():
    with pytest.raises(ValidationError):
        citizen_upsert(ref="rrn-1", details=ContactDetails(phone="0470123456"), observed_at=MONDAY)


def test_consent_keeps_when_and_where_it_was_given_and_its_history():
    citizen = citizen_upsert(ref="rrn-1", details=ContactDetails(), observed_at=MONDAY)
    assert consent_record(citizen=citizen, channel="sms", granted=True, source="loket/1", recorded_at=MONDAY)
    assert not consent_record(citizen=citizen, channel="sms", granted=True, source="loket/2", recorded_at=TUESDAY)
    consent = ChannelConsent.objects.get(citizen=citizen, channel="sms")
    assert (consent.granted, consent.source, consent.recorded_at) == (True, "loket/1", MONDAY)

    assert consent_record(citizen=citizen, channel="sms", granted=False, source="sms-stop", recorded_at=TUESDAY)
    assert citizen_consents(citizen=citizen) == {"sms": False}
    assert list(ConsentChange.objects.filter(citizen=citizen).values_list("granted", "source")) == [
        (True, "loket/1"),
        (False, "sms-stop"),
    ]


def test_a_late_consent_does_not_undo_a_newer_withdrawal():
    citizen = citizen_upsert(ref="rrn-1", details=ContactDetails(), observed_at=MONDAY)
    consent_record(citizen=citizen, channel="email", granted=False, source="unsubscribe", recorded_at=TUESDAY)
    consent_record(citizen=citizen, channel="email", granted=True, source="loket/late", recorded_at=MONDAY)
    assert citizen_consents(citizen=citizen) == {"email": False}


def test_email_and_sms_need_an_address_a_yes_and_no_suppression():
    citizen = citizen_upsert(
        ref="rrn-1", details=ContactDetails(email="An@Example.be", phone="+32470123456"), observed_at=MONDAY
    )
    assert not citizen_can_receive(citizen=citizen, channel="email")  # never asked
    consent_record(citizen=citizen, channel="email", granted=True, source="t", recorded_at=MONDAY)
    consent_record(citizen=citizen, channel="sms", granted=False, source="t", recorded_at=MONDAY)
    assert citizen_can_receive(citizen=citizen, channel="email")
    assert not citizen_can_receive(citizen=citizen, channel="sms")
    Suppression.objects.create(channel="email", address="an@example.be", reason=Suppression.Reason.HARD_BOUNCE)
    assert not citizen_can_receive(citizen=citizen, channel="email")


def test_a_subscription_names_exactly_the_target_its_kind_needs(rabot):
    citizen = citizen_upsert(ref="rrn-1", details=ContactDetails(), observed_at=MONDAY)
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.WIJK_NEWS, wijk=rabot)
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS)  # whole city
    Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS, wijk=rabot)
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.WIJK_NEWS)  # which wijk?
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.WIJK_NEWS, wijk=rabot)  # twice
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscription.objects.create(citizen=citizen, kind=Subscription.Kind.CRISIS)  # whole city twice
