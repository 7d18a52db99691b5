"""Frequency caps: a citizen gets at most N newsletters per channel a week; crisis and dossier messages always go."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from automation.messages.batch_sending import messages_send_chunk
from automation.messages.frequency_caps import newsletter_cap
from automation.messages.models import Message
from automation.messages.sending import message_send
from tests.automation.factories import make_citizen, make_message

pytestmark = pytest.mark.django_db
Status = Message.Status


@pytest.fixture
def cap(settings):
    settings.AUTOMATION_NEWSLETTER_CAP = 2
    settings.AUTOMATION_NEWSLETTER_CAP_DAYS = 7


def sent_newsletter(citizen, *, days_ago: float, channel="email"):
    message = make_message(citizen, channel=channel, purpose="newsletter", status=Status.SENT)
    Message.objects.filter(pk=message.pk).update(sent_at=timezone.now() - timedelta(days=days_ago))
    return message


def test_a_newsletter_over_the_cap_is_suppressed_with_the_reason_and_never_sent(cap):
    citizen = make_citizen()
    sent_newsletter(citizen, days_ago=1)
    sent_newsletter(citizen, days_ago=6)
    digest = make_message(citizen, purpose="newsletter", subject="Wijkdigest")
    assert message_send(message_id=digest.pk).status == Status.SUPPRESSED
    assert mail.outbox == []
    digest.refresh_from_db()
    assert digest.status == Status.SUPPRESSED
    assert "frequency cap: already 2 newsletter(s) by email in the last 7 days (at most 2)" in digest.history.last().detail


def test_newsletters_older_than_the_window_or_on_another_channel_do_not_count(cap):
    citizen = make_citizen()
    sent_newsletter(citizen, days_ago=8)
    sent_newsletter(citizen, days_ago=1, channel="sms")
    sent_newsletter(citizen, days_ago=1, channel="sms")
    digest = make_message(citizen, purpose="newsletter")
    assert message_send(message_id=digest.pk).status == Status.SENT


@pytest.mark.parametrize("purpose", ["crisis", "service"])
def test_crisis_alerts_and_dossier_messages_are_never_capped(cap, purpose):
    citizen = make_citizen()
    for days in (1, 2, 3):
        sent_newsletter(citizen, days_ago=days)
    message = make_message(citizen, purpose=purpose)
    assert message_send(message_id=message.pk).status == Status.SENT
    assert len(mail.outbox) == 1


def test_in_one_chunk_the_older_newsletters_take_the_places_under_the_cap(cap):
    citizen = make_citizen()
    first, second, third = (make_message(citizen, purpose="newsletter") for _ in range(3))
    outcome = messages_send_chunk(message_ids=[third.pk, second.pk, first.pk])
    assert (outcome.sent, outcome.suppressed) == (2, 1)
    third.refresh_from_db()
    assert third.status == Status.SUPPRESSED and len(mail.outbox) == 2


def test_zero_turns_the_cap_off_and_nonsense_is_refused(settings):
    settings.AUTOMATION_NEWSLETTER_CAP = 0
    citizen = make_citizen()
    for days in (1, 2, 3, 4):
        sent_newsletter(citizen, days_ago=days)
    assert message_send(message_id=make_message(citizen, purpose="newsletter").pk).status == Status.SENT
    settings.AUTOMATION_NEWSLETTER_CAP = "three"
    with pytest.raises(ImproperlyConfigured, match="AUTOMATION_NEWSLETTER_CAP"):
        newsletter_cap()
