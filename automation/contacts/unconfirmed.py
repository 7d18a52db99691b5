"""Forgetting what was asked but never confirmed, once its link has expired.

Anyone can type an address into the subscribe form. Until the mailbox's owner follows
the link we hold their address (and perhaps a phone number) only because somebody asked;
once the link has expired (7 days) nothing can confirm it any more, so keeping it serves
no one. Removed: unconfirmed requests (with their phone numbers), pending subscriptions
no live request names, and citizens the form created that hold nothing else. Confirmed
requests stay: they are the proof of the opt-in.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from automation.contacts.models import Citizen, ConfirmationRequest, Subscription
from automation.contacts.subscribing import REF_PREFIX
from automation.contacts.tokens import CONFIRMATION_MAX_AGE


def unconfirmed_purge(*, now: datetime | None = None) -> dict[str, int]:
    cutoff = (now or timezone.now()) - CONFIRMATION_MAX_AGE
    with transaction.atomic():
        _, requests = ConfirmationRequest.objects.filter(created_at__lt=cutoff, confirmed_at__isnull=True).delete()
        stale = Subscription.objects.filter(status=Subscription.Status.PENDING, created_at__lt=cutoff).exclude(
            confirmation_requests__created_at__gte=cutoff
        )
        _, subscriptions = Subscription.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()
        orphans = Citizen.objects.filter(
            ref__startswith=REF_PREFIX,
            created_at__lt=cutoff,
            subscriptions__isnull=True,
            consents__isnull=True,
            messages__isnull=True,
            dossiers__isnull=True,
            dossier_events__isnull=True,
            enrolments__isnull=True,
            confirmation_requests__isnull=True,
        )
        _, citizens = Citizen.objects.filter(pk__in=list(orphans.values_list("pk", flat=True))).delete()
    return {
        "requests": requests.get(ConfirmationRequest._meta.label, 0),
        "subscriptions": subscriptions.get(Subscription._meta.label, 0),
        "citizens": citizens.get(Citizen._meta.label, 0),
    }
