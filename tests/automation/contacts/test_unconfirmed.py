"""Requests nobody confirmed are forgotten once their link has expired; confirmed ones stay as proof."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from automation.contacts.models import Citizen, ConfirmationRequest, Subscription
from automation.contacts.subscribing import subscription_confirm, subscription_request
from automation.contacts.targets import Targets
from automation.contacts.unconfirmed import unconfirmed_purge
from tests.automation.factories import make_citizen

pytestmark = pytest.mark.django_db


def age(days: int) -> None:
    """Make everything stored so far `days` old."""
    then = timezone.now() - timedelta(days=days)
    ConfirmationRequest.objects.update(created_at=then)
    Subscription.objects.update(created_at=then)
    Citizen.objects.update(created_at=then)


def test_an_expired_unconfirmed_request_is_forgotten_with_the_citizen_it_created(rabot):
    subscription_request(email="nobody@example.org", language="nl", targets=Targets(wijken=(rabot,)), phone="+32470123456")
    age(8)
    assert unconfirmed_purge() == {"requests": 1, "subscriptions": 1, "citizens": 1}
    assert not Citizen.objects.exists() and not ConfirmationRequest.objects.exists()


def test_a_known_citizen_keeps_everything_but_the_unconfirmed_wish(rabot):
    known = make_citizen(ref="case-1", email="known@example.org")
    Subscription.objects.create(citizen=known, kind="press", status="active")
    subscription_request(email="known@example.org", language="fr", targets=Targets(wijken=(rabot,)))
    age(8)
    assert unconfirmed_purge() == {"requests": 1, "subscriptions": 1, "citizens": 0}
    assert list(known.subscriptions.values_list("kind", "status")) == [("press", "active")]


def test_recent_and_confirmed_requests_stay(rabot):
    confirmed = subscription_request(email="yes@example.org", language="nl", targets=Targets(crisis=True))
    subscription_confirm(request=confirmed)
    age(8)
    subscription_request(email="later@example.org", language="nl", targets=Targets(press=True))
    assert unconfirmed_purge() == {"requests": 0, "subscriptions": 0, "citizens": 0}
    assert ConfirmationRequest.objects.count() == 2


def test_the_command_prints_the_counts(rabot, capsys):
    subscription_request(email="nobody@example.org", language="nl", targets=Targets(press=True))
    age(8)
    call_command("subscriptions_purge_unconfirmed")
    assert capsys.readouterr().out.strip() == '{"requests": 1, "subscriptions": 1, "citizens": 1}'
