"""Reading what we may do for a citizen: consent first, then an address, then the suppression list."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.functions import Lower, Trim

from automation.channels.kinds import ChannelKind
from automation.contacts.models import ChannelConsent, Citizen, Suppression

#: The citizen's own address per channel, as `citizen_address` reads it, in SQL.
_OWN_ADDRESS = {
    ChannelKind.EMAIL: Lower(Trim("email")),
    ChannelKind.SMS: Trim("phone"),
    ChannelKind.VOICE: Trim("phone"),  # a call goes to the same mobile or landline number
    ChannelKind.LETTER: Trim("postal_address"),
}


def citizen_consents(*, citizen: Citizen) -> dict[str, bool]:
    """Granted or refused per channel; a channel never asked about is absent."""
    return dict(ChannelConsent.objects.filter(citizen=citizen).values_list("channel", "granted"))


def citizen_address(*, citizen: Citizen, channel: ChannelKind | str) -> str:
    """The address a message on this channel goes to, or "" when we have none."""
    channel = ChannelKind(channel)
    if channel == ChannelKind.EMAIL:
        return citizen.email.strip().lower()
    if channel in (ChannelKind.SMS, ChannelKind.VOICE):
        return citizen.phone
    return citizen.postal_address.strip()


def address_is_suppressed(*, channel: ChannelKind | str, address: str) -> bool:
    return Suppression.objects.filter(channel=ChannelKind(channel), address=address).exists()


def citizen_can_receive(*, citizen: Citizen, channel: ChannelKind | str, consents: dict[str, bool] | None = None) -> bool:
    """True when the citizen has an address on this channel, said yes to it and is not suppressed.

    `recipients_refusals` for a list of one; `consents` (from `citizen_consents`) saves
    its query when the caller asks about several channels.
    """
    known = None if consents is None else {(citizen.pk, channel_name): granted for channel_name, granted in consents.items()}
    return not recipients_refusals([Recipient(key=0, citizen=citizen, channel=channel)], consents=known)


@dataclass(frozen=True)
class Recipient:
    """Someone we mean to reach on one channel: `key` is the caller's (a message id).

    `citizen` is None once the citizen was erased. `address` is the address a message was
    made with, or None when asking before there is a message.
    """

    key: Hashable
    citizen: Citizen | None
    channel: str
    address: str | None = None


def recipients_refusals(
    recipients: Sequence[Recipient], *, consents: Mapping[tuple[int, str], bool] | None = None
) -> dict[Hashable, str]:
    """Why each recipient who may not be reached may not, read for all of them at once (two queries).

    The rule, the only copy of it: an address on the channel (the citizen's own; for a
    letter, the one it was made with: the citizen's, else the dossier's), an explicit yes
    for e-mail, SMS and voice calls, no "no" for a letter (the post is how the city reaches people who
    are not online), and neither that address nor the one the message was made with on
    the suppression list. Recipients who may be reached are absent from the answer.
    """
    if consents is None:
        citizen_ids = {r.citizen.pk for r in recipients if r.citizen is not None}
        consents = {
            (citizen_id, channel): granted
            for citizen_id, channel, granted in ChannelConsent.objects.filter(citizen_id__in=citizen_ids).values_list(
                "citizen_id", "channel", "granted"
            )
        }
    addresses = {r.key: _address(r) for r in recipients}
    wanted = {a for a in addresses.values() if a} | {r.address for r in recipients if r.address}
    suppressed = set(Suppression.objects.filter(address__in=wanted).values_list("channel", "address")) if wanted else set()
    refusals: dict[Hashable, str] = {}
    for recipient in recipients:
        channel = ChannelKind(recipient.channel)
        if recipient.citizen is None:
            refusals[recipient.key] = "the citizen no longer exists"
            continue
        answer = consents.get((recipient.citizen.pk, channel.value))
        allowed = answer is not False if channel == ChannelKind.LETTER else answer is True
        address = addresses[recipient.key]
        if not address or not allowed:
            refusals[recipient.key] = f"no {channel.value} consent or address any more"
        elif {(channel.value, address), (channel.value, recipient.address)} & suppressed:
            refusals[recipient.key] = "the address is on the suppression list"
    return refusals


def citizens_reachable_on(citizens: QuerySet[Citizen], *, channel: ChannelKind | str) -> QuerySet[Citizen]:
    """`citizens` who may be reached on `channel` at their own address: `recipients_refusals` in SQL.

    The same rule for audiences counted or walked in the database (a crisis alert to a whole
    city): an address, an explicit yes (no "no" for a letter), the address not suppressed.
    Each citizen comes annotated with `reachable_address`, the address a message goes to.
    tests/automation/contacts/test_selectors.py holds the two forms to the same answers.
    """
    channel = ChannelKind(channel)
    consents = ChannelConsent.objects.filter(channel=channel)
    if channel == ChannelKind.LETTER:
        allowed = citizens.exclude(pk__in=consents.filter(granted=False).values("citizen_id"))
    else:
        allowed = citizens.filter(pk__in=consents.filter(granted=True).values("citizen_id"))
    suppressed = Suppression.objects.filter(channel=channel).values("address")
    return (
        allowed.annotate(reachable_address=_OWN_ADDRESS[channel])
        .exclude(reachable_address="")
        .exclude(reachable_address__in=suppressed)
    )


def _address(recipient: Recipient) -> str:
    """The address the rule checks: a letter's own when it has one, else the citizen's current one."""
    if recipient.channel == ChannelKind.LETTER and recipient.address is not None:
        return recipient.address.strip()
    if recipient.citizen is None:
        return ""
    return citizen_address(citizen=recipient.citizen, channel=recipient.channel)
