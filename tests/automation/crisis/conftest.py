"""Crisis officers (two people with the permission), an outsider, and crisis subscribers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from automation.contacts.models import Subscription
from tests.automation.factories import make_citizen


def _user(django_user_model, name, *codenames):
    user = django_user_model.objects.create_user(username=name, password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=[*codenames, "access_admin"]))
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def officers(django_user_model):
    return [_user(django_user_model, name, "send_crisisalert") for name in ("sofie", "karim")]


@pytest.fixture
def outsider(django_user_model):
    """An admin user without the crisis permission."""
    return _user(django_user_model, "redacteur")


@pytest.fixture
def crisis_subscriber(db):
    def make(ref, *, wijk=None, language="nl", phone="+32470123456", channels=("email", "sms")):
        citizen = make_citizen(ref=ref, email=f"{ref}@example.be", phone=phone, language=language, consent=channels)
        Subscription.objects.create(
            citizen=citizen, kind=Subscription.Kind.CRISIS, wijk=wijk, status=Subscription.Status.ACTIVE
        )
        return citizen

    return make
