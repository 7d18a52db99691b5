"""Writing citizens and consent. Late news never overwrites newer news.

Case systems deliver events out of order (retries, queues). Every write here carries the
time the source observed the fact (`observed_at`) and is applied only when it is not older
than what we hold, so a retried event from Monday cannot undo a consent withdrawal from
Tuesday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction

from automation.channels.kinds import ChannelKind
from automation.contacts.models import ChannelConsent, Citizen, ConsentChange

_UNSET = object()


@dataclass(frozen=True)
class ContactDetails:
    """What a source says about a citizen; `None` means "not said", so left unchanged."""

    email: str | None = None
    phone: str | None = None
    language: str | None = None
    postal_address: str | None = None  # the address block, one line per line
    preferred_channel: str | None = None
    wijk_id: int | None | object = _UNSET


def citizen_upsert(*, ref: str, details: ContactDetails, observed_at: datetime) -> Citizen:
    """Create the citizen or update the details the source mentions, unless we hold newer ones."""
    citizen = _citizen_get_or_create(ref=ref)
    if citizen.contact_updated_at and observed_at < citizen.contact_updated_at:
        return citizen
    changed = ["contact_updated_at"]
    for field in ("email", "phone", "language", "postal_address", "preferred_channel"):
        value = getattr(details, field)
        if value is not None and getattr(citizen, field) != value:
            setattr(citizen, field, value)
            changed.append(field)
    if details.wijk_id is not _UNSET and citizen.wijk_id != details.wijk_id:
        citizen.wijk_id = details.wijk_id
        changed.append("wijk")
    citizen.contact_updated_at = observed_at
    citizen.full_clean(exclude=["interests"], validate_unique=False)
    citizen.save(update_fields=changed + ["updated_at"])
    return citizen


def _citizen_get_or_create(*, ref: str) -> Citizen:
    citizen = Citizen.objects.filter(ref=ref).first()
    if citizen:
        return citizen
    try:
        with transaction.atomic():
            return Citizen.objects.create(ref=ref)
    except IntegrityError:  # a concurrent event created the same citizen first
        return Citizen.objects.get(ref=ref)


def consent_record(
    *, citizen: Citizen, channel: ChannelKind | str, granted: bool, source: str, recorded_at: datetime
) -> bool:
    """Record consent for one channel; True when the answer changed.

    Repeating the current answer keeps the original time and source (the moment consent
    was first given is the one that proves it). An answer older than the one we hold is
    ignored.
    """
    channel = ChannelKind(channel)
    with transaction.atomic():
        # The citizen's row is the lock: with no consent row yet, locking that row locks nothing, and
        # two requests at once (a double-clicked form) both inserted one: IntegrityError, a 500 (issue 12).
        list(Citizen.objects.select_for_update().filter(pk=citizen.pk).values_list("pk", flat=True))
        return _consent_write(citizen=citizen, channel=channel, granted=granted, source=source, recorded_at=recorded_at)


def _consent_write(*, citizen, channel, granted, source, recorded_at) -> bool:
    current = ChannelConsent.objects.select_for_update().filter(citizen=citizen, channel=channel).first()
    if current is not None:
        if recorded_at < current.recorded_at or current.granted == granted:
            return False
        current.granted, current.recorded_at, current.source = granted, recorded_at, source
        current.save(update_fields=["granted", "recorded_at", "source"])
    else:
        ChannelConsent.objects.create(
            citizen=citizen, channel=channel, granted=granted, recorded_at=recorded_at, source=source
        )
    ConsentChange.objects.create(
        citizen=citizen, channel=channel, granted=granted, recorded_at=recorded_at, source=source
    )
    return True
