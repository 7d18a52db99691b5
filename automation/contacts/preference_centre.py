"""The preference centre: what a citizen receives, changed or stopped with the signed link alone.

The link reaches only the mailbox's owner (it comes in our e-mails, or after following a
double opt-in link), so a change made here needs no second confirmation: subscriptions
chosen here are active at once, and pending ones still chosen become active. Every
consent change is recorded with time and source `preference-centre`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, Subscription
from automation.contacts.selectors import citizen_consents
from automation.contacts.services import consent_record
from automation.contacts.subscribing import subscription_confirmed_after_commit
from automation.contacts.targets import subscription_key

SOURCE = "preference-centre"
CHANNELS = (ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.VOICE)  # voice: "bel mij", for who cannot read a text
Kind, Status = Subscription.Kind, Subscription.Status
LIVE = (Status.PENDING, Status.ACTIVE)


def masked_email(address: str) -> str:
    """j…@example.org: enough to recognise one's own address, not enough to learn someone else's."""
    local, _, domain = (address or "").partition("@")
    if not domain:
        return "…" if address else ""
    return f"{local[:1]}…@{domain}"


def preferences_state(*, citizen: Citizen) -> dict:
    consents = citizen_consents(citizen=citizen)
    live = list(citizen.subscriptions.filter(status__in=LIVE).select_related("wijk", "theme"))
    return {
        "email": masked_email(citizen.email),
        "language": citizen.language,
        "channels": {channel.value: consents.get(channel.value) is True for channel in CHANNELS},
        "wijken": sorted(sub.wijk.slug for sub in live if sub.kind == Kind.WIJK_NEWS),
        "themes": sorted(sub.theme.slug for sub in live if sub.kind == Kind.THEME),
        "press": any(sub.kind == Kind.PRESS for sub in live),
        "crisis": any(sub.kind == Kind.CRISIS for sub in live),
        "confirmed": not any(sub.status == Status.PENDING for sub in live),
    }


@dataclass(frozen=True)
class PreferencesChange:
    """What the citizen sent; None leaves that part as it is."""

    language: str | None = None
    phone: str | None = None  # "" removes the number
    channels: dict | None = None  # {"email": bool, "sms": bool, "voice": bool}, any may be absent
    wijken: list | None = None  # Wijk rows
    themes: list | None = None  # source-locale Theme rows
    press: bool | None = None
    crisis: bool | None = None


def preferences_update(*, citizen: Citizen, change: PreferencesChange) -> Citizen:
    now = timezone.now()
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
        _contact_update(citizen, change)
        for channel, granted in (change.channels or {}).items():
            consent_record(citizen=citizen, channel=channel, granted=granted, source=SOURCE, recorded_at=now)
        rows = list(Subscription.objects.filter(citizen=citizen))
        if change.wijken is not None:
            _follow_exactly(citizen, rows, Kind.WIJK_NEWS, {(Kind.WIJK_NEWS.value, w.pk, None, None) for w in change.wijken}, now)
        if change.themes is not None:
            _follow_exactly(citizen, rows, Kind.THEME, {(Kind.THEME.value, None, t.pk, None) for t in change.themes}, now)
        if change.press is not None:
            _follow_exactly(citizen, rows, Kind.PRESS, {(Kind.PRESS.value, None, None, None)} if change.press else set(), now)
        if change.crisis is not None:
            _crisis(citizen, rows, change.crisis, now)
    return citizen


def _contact_update(citizen: Citizen, change: PreferencesChange) -> None:
    changed = []
    if change.language is not None and change.language != citizen.language:
        citizen.language = change.language
        changed.append("language")
    if change.phone is not None and change.phone != citizen.phone:
        citizen.phone = change.phone
        changed.append("phone")
    if changed:
        citizen.save(update_fields=changed + ["updated_at"])


def _follow_exactly(citizen, rows, kind, wanted: set, now) -> None:
    """Subscriptions of `kind` become exactly `wanted`: missing ones created active, others ended."""
    mine = {subscription_key(sub): sub for sub in rows if sub.kind == kind}
    for key, sub in mine.items():
        if key in wanted:
            _activate(sub, now)
        elif sub.status != Status.ENDED:
            _end(sub, now)
    for kind_value, wijk_id, theme_id, project_id in wanted - set(mine):
        sub = Subscription.objects.create(
            citizen=citizen, kind=kind_value, wijk_id=wijk_id, theme_id=theme_id, project_id=project_id,
            status=Status.ACTIVE, source=SOURCE, confirmed_at=now,
        )  # fmt: skip
        subscription_confirmed_after_commit(subscription_id=sub.pk)


def _crisis(citizen, rows, wanted: bool, now) -> None:
    """Crisis alerts on: keep any live crisis subscription (city-wide or per wijk), else follow all of Ghent."""
    mine = [sub for sub in rows if sub.kind == Kind.CRISIS]
    if not wanted:
        for sub in mine:
            if sub.status != Status.ENDED:
                _end(sub, now)
        return
    live = [sub for sub in mine if sub.status in LIVE]
    if live:
        for sub in live:
            _activate(sub, now)
        return
    city_wide = next((sub for sub in mine if sub.wijk_id is None), None)
    if city_wide is not None:
        _activate(city_wide, now)
    else:
        _follow_exactly(citizen, rows, Kind.CRISIS, {(Kind.CRISIS.value, None, None, None)}, now)


def _activate(sub: Subscription, now) -> None:
    if sub.status == Status.ACTIVE:
        return
    sub.status, sub.confirmed_at, sub.ended_at = Status.ACTIVE, now, None
    sub.save(update_fields=["status", "confirmed_at", "ended_at"])
    subscription_confirmed_after_commit(subscription_id=sub.pk)


def _end(sub: Subscription, now) -> None:
    sub.status, sub.ended_at = Status.ENDED, now
    sub.save(update_fields=["status", "ended_at"])


def subscriptions_keep(*, citizen: Citizen, keep_ids: set[int]) -> int:
    """End the citizen's live subscriptions not in `keep_ids` (the old HTML page's checkboxes); returns how many."""
    now = timezone.now()
    live = citizen.subscriptions.filter(status__in=LIVE).exclude(pk__in=keep_ids)
    return live.update(status=Status.ENDED, ended_at=now)


def unsubscribe_all(*, citizen: Citizen) -> None:
    """Stop everything: every subscription ended, e-mail, SMS and voice consent withdrawn (recorded)."""
    now = timezone.now()
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
        citizen.subscriptions.exclude(status=Status.ENDED).update(status=Status.ENDED, ended_at=now)
        for channel in CHANNELS:
            consent_record(citizen=citizen, channel=channel, granted=False, source=SOURCE, recorded_at=now)
