"""Who may be reached: one rule for one recipient or a whole chunk, read in two queries."""

from __future__ import annotations

import pytest

from automation.contacts.models import Citizen, Suppression
from automation.contacts.selectors import Recipient, citizen_can_receive, citizens_reachable_on, recipients_refusals
from automation.contacts.services import consent_record
from tests.automation.factories import CONSENT_TIME, make_citizen

pytestmark = pytest.mark.django_db


def test_a_whole_chunk_is_answered_in_two_queries_with_each_reason(django_assert_num_queries):
    fine = make_citizen(ref="fine", email="fine@example.be")
    withdrawn = make_citizen(ref="withdrawn", email="withdrawn@example.be")
    consent_record(citizen=withdrawn, channel="email", granted=False, source="t", recorded_at=CONSENT_TIME.replace(day=2))
    bounced = make_citizen(ref="bounced", email="bounced@example.be")
    Suppression.objects.create(channel="email", address="bounced@example.be", reason=Suppression.Reason.HARD_BOUNCE)
    no_phone = make_citizen(ref="no-phone", email="np@example.be", phone="")
    recipients = [
        Recipient(key=1, citizen=fine, channel="email", address="fine@example.be"),
        Recipient(key=2, citizen=withdrawn, channel="email", address="withdrawn@example.be"),
        Recipient(key=3, citizen=bounced, channel="email", address="bounced@example.be"),
        Recipient(key=4, citizen=no_phone, channel="sms", address="+32470999999"),
        Recipient(key=5, citizen=None, channel="email", address="gone@example.be"),
    ]
    with django_assert_num_queries(2):  # consents, suppressions
        refusals = recipients_refusals(recipients)
    assert refusals == {
        2: "no email consent or address any more",
        3: "the address is on the suppression list",
        4: "no sms consent or address any more",
        5: "the citizen no longer exists",
    }


def test_the_address_a_message_was_made_with_counts_when_it_is_suppressed():
    citizen = make_citizen(email="new@example.be")
    Suppression.objects.create(channel="email", address="old@example.be", reason=Suppression.Reason.COMPLAINT)
    message_to_old = Recipient(key="m", citizen=citizen, channel="email", address="old@example.be")
    assert recipients_refusals([message_to_old]) == {"m": "the address is on the suppression list"}
    assert citizen_can_receive(citizen=citizen, channel="email")  # a new message would go to the new address


def test_a_letter_needs_no_yes_only_no_no_and_goes_to_the_address_it_was_made_with():
    offline = Citizen.objects.create(ref="offline", language="nl")  # no e-mail, phone or postal address on file
    to_dossier_address = Recipient(key="letter", citizen=offline, channel="letter", address="Sleepstraat 1, 9000 Gent")
    assert recipients_refusals([to_dossier_address]) == {}
    assert not citizen_can_receive(citizen=offline, channel="letter")  # no address of its own
    consent_record(citizen=offline, channel="letter", granted=False, source="t", recorded_at=CONSENT_TIME)
    assert recipients_refusals([to_dossier_address]) == {"letter": "no letter consent or address any more"}


def test_one_citizen_asks_the_same_rule_with_a_list_of_one():
    citizen = make_citizen(consent=("email",))
    assert citizen_can_receive(citizen=citizen, channel="email")
    assert not citizen_can_receive(citizen=citizen, channel="sms")  # never said yes
    assert citizen_can_receive(citizen=citizen, channel="sms", consents={"sms": True})  # the caller read them already


def test_the_sql_form_of_the_rule_agrees_with_the_python_form_on_every_case():
    """Audiences walked in the database (a crisis alert) and single sends must never disagree."""
    cases = {
        "all-yes": dict(consent=("email", "sms", "letter"), postal="Veldstraat 1, 9000 Gent"),
        "no-consent": dict(consent=(), postal="Veldstraat 2, 9000 Gent"),
        "said-no": dict(consent=("email", "sms"), refused=("email", "sms", "letter"), postal="Veldstraat 3"),
        "no-addresses": dict(consent=("email", "sms", "letter"), email="", phone="", postal=""),
        "blank-address": dict(consent=("email",), email="   ", postal="   "),
        "bounced": dict(consent=("email", "sms"), email="Bounced@Example.be", suppressed=("email", "sms")),
        "calls-only": dict(consent=("voice",), phone="+32470000011"),
        "calls-withdrawn": dict(consent=("voice", "sms"), refused=("voice",), phone="+32470000012"),
        "calls-no-phone": dict(consent=("voice",), phone=""),
        "calls-stopped": dict(consent=("voice", "sms"), suppressed=("voice",), phone="+32470000013"),
        # a STOP by text is not a stop of calls
        "texts-stopped": dict(consent=("voice", "sms"), suppressed=("sms",), phone="+32470000014"),
    }
    for ref, case in cases.items():
        citizen = make_citizen(ref=ref, email=case.get("email", f"{ref}@example.be"),
                               phone=case.get("phone", "+32470123456"), consent=case["consent"])
        citizen.postal_address = case.get("postal", "")
        citizen.save()
        for channel in case.get("refused", ()):
            consent_record(citizen=citizen, channel=channel, granted=False, source="t",
                           recorded_at=CONSENT_TIME.replace(day=2))
        for channel in case.get("suppressed", ()):
            address = citizen.email.strip().lower() if channel == "email" else citizen.phone
            Suppression.objects.create(channel=channel, address=address, reason=Suppression.Reason.MANUAL)

    citizens = list(Citizen.objects.order_by("pk"))
    reachable = {}
    for channel in ("email", "sms", "voice", "letter"):
        by_python = {
            c.ref for c in citizens if not recipients_refusals([Recipient(key=c.pk, citizen=c, channel=channel)])
        }
        by_sql = set(citizens_reachable_on(Citizen.objects.all(), channel=channel).values_list("ref", flat=True))
        assert by_sql == by_python, channel
        reachable[channel] = by_python
    assert reachable["voice"] == {"calls-only", "texts-stopped"}  # an explicit yes, a number, not stopped
    assert by_python == {"all-yes", "no-consent"}  # letters: no "no" and an address is enough
