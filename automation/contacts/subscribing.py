"""Subscribing with double opt-in: ask (pending rows, one mail), then confirm (active, consent, signal).

Asking changes nothing a citizen already has and sends nothing but the confirmation
mail, because anyone can type anyone's address into the form: subscriptions wait as
`pending` (the send paths only read `active` ones) and the language, phone number and
SMS wish wait on the `ConfirmationRequest` until the mailbox's owner follows the link.

Abuse guards: the caller answers the same whether the address was known or not; at most
one confirmation mail per address per `MAIL_INTERVAL` (10 minutes): a request inside
that window is stored as pending but not mailed, so repeating the form cannot flood a
mailbox; requests for one address are serialised by locking the citizen row. The city
as a whole sends at most `AUTOMATION_CONFIRMATION_MAILS_PER_HOUR` confirmation mails per
clock hour (counted in the shared cache, cms/http/rate_windows.py), so a list of
addresses typed in from many clients cannot make the city a mail bomb: past the ceiling a
request raises `ConfirmationMailsExhausted` and nothing of it is stored. (The subscribe
endpoint also limits each client; see automation/api/subscriptions.py.)
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, ConfirmationRequest, Subscription
from automation.contacts.services import consent_record
from automation.contacts.signals import subscription_confirmed
from automation.contacts.targets import Targets, subscriptions_by_key
from cms.http.rate_windows import Rate, window_take
from cms.work.enqueue import enqueue

MAIL_INTERVAL = timedelta(minutes=10)
SOURCE_FORM = "inschrijfformulier"
SOURCE_CONFIRMED = "double-opt-in"
REF_PREFIX = "inschrijving:"
SEND_CONFIRMATION_MAIL = "automation.contacts.send_confirmation_mail"
Status = Subscription.Status
MAIL_CEILING_SCOPE = "confirmation-mails"


class ConfirmationMailsExhausted(Exception):
    """The city's hourly ceiling on confirmation mails is reached; nothing of the request was stored."""

    def __init__(self, *, retry_after: int):
        super().__init__(f"the hourly ceiling on confirmation mails is reached; try again in {retry_after} s")
        self.retry_after = retry_after


def confirmation_mail_slot_take() -> None:
    """Count one confirmation mail against the hourly ceiling, or raise when it is reached."""
    ceiling = settings.AUTOMATION_CONFIRMATION_MAILS_PER_HOUR
    wait = window_take(scope=MAIL_CEILING_SCOPE, key="all", rate=Rate(count=ceiling, period=3600, text=f"{ceiling}/hour"))
    if wait:
        raise ConfirmationMailsExhausted(retry_after=wait)


def subscription_request(
    *, email: str, language: str, targets: Targets, phone: str = "", sms: bool = False
) -> ConfirmationRequest | None:
    """Store the wish as pending and queue a confirmation mail; None when no mail is due (too soon).

    Raises `ConfirmationMailsExhausted` (storing nothing) when a mail is due but the city's
    hourly ceiling is reached.
    """
    address = email.strip().lower()
    with transaction.atomic():
        citizen = citizen_for_address(address=address, language=language)
        citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
        subscriptions = _subscriptions_asked(citizen=citizen, targets=targets)
        recent = ConfirmationRequest.objects.filter(citizen=citizen, created_at__gte=timezone.now() - MAIL_INTERVAL)
        if recent.exists():
            return None
        confirmation_mail_slot_take()  # raises inside the transaction: the citizen and rows above roll back
        request = ConfirmationRequest.objects.create(citizen=citizen, language=language, phone=phone, sms=sms)
        request.subscriptions.set(subscriptions)
        transaction.on_commit(lambda: _queue_mail(request.pk))
    return request


def _queue_mail(request_id: int) -> None:
    enqueue(SEND_CONFIRMATION_MAIL, request_id)


def citizen_for_address(*, address: str, language: str) -> Citizen:
    """The citizen already known by this address (the oldest), or a new one keyed by its hash."""
    known = Citizen.objects.filter(email__iexact=address).order_by("pk").first()
    if known is not None:
        return known
    ref = REF_PREFIX + hashlib.sha256(address.encode()).hexdigest()[:32]
    try:
        with transaction.atomic():
            return Citizen.objects.create(ref=ref, email=address, language=language)
    except IntegrityError:  # a concurrent request for the same new address won
        return Citizen.objects.get(ref=ref)


def _subscriptions_asked(*, citizen: Citizen, targets: Targets) -> list[Subscription]:
    """The rows for what was asked: existing ones as they are (ended ones back to pending), new ones pending."""
    existing = subscriptions_by_key(citizen=citizen)
    rows = []
    for key in targets.keys():
        sub = existing.get(key)
        if sub is None:
            kind, wijk_id, theme_id, project_id = key
            sub = Subscription.objects.create(
                citizen=citizen, kind=kind, wijk_id=wijk_id, theme_id=theme_id, project_id=project_id,
                status=Status.PENDING, source=SOURCE_FORM,
            )  # fmt: skip
        elif sub.status == Status.ENDED:
            sub.status, sub.ended_at, sub.source = Status.PENDING, None, SOURCE_FORM
            sub.save(update_fields=["status", "ended_at", "source"])
        rows.append(sub)
    return rows


def subscription_confirm(*, request: ConfirmationRequest) -> Citizen:
    """Follow the link: pending subscriptions of this request become active. Repeating it changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=request.citizen_id)
        if not ConfirmationRequest.objects.filter(pk=request.pk, confirmed_at__isnull=True).update(confirmed_at=now):
            return citizen  # confirmed before: the same answer, nothing changed or sent again
        activated = list(request.subscriptions.filter(status=Status.PENDING))
        Subscription.objects.filter(pk__in=[sub.pk for sub in activated], status=Status.PENDING).update(
            status=Status.ACTIVE, confirmed_at=now, ended_at=None
        )
        _apply_contact_wishes(citizen=citizen, request=request)
        consent_record(citizen=citizen, channel=ChannelKind.EMAIL, granted=True, source=SOURCE_CONFIRMED, recorded_at=now)
        if request.sms and citizen.phone:
            consent_record(citizen=citizen, channel=ChannelKind.SMS, granted=True, source=SOURCE_CONFIRMED, recorded_at=now)
        for sub in activated:
            subscription_confirmed_after_commit(subscription_id=sub.pk)
    return citizen


def _apply_contact_wishes(*, citizen: Citizen, request: ConfirmationRequest) -> None:
    citizen.language = request.language
    changed = ["language"]
    if request.phone:
        citizen.phone = request.phone
        changed.append("phone")
    citizen.save(update_fields=changed + ["updated_at"])


def subscription_confirmed_after_commit(*, subscription_id: int) -> None:
    """Tell listeners (journeys) once the activation is committed, with the row as committed."""

    def send():
        subscription = Subscription.objects.filter(pk=subscription_id, status=Status.ACTIVE).first()
        if subscription is not None:
            subscription_confirmed.send(sender=Subscription, subscription=subscription)

    transaction.on_commit(send)
