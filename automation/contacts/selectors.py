"""Reading what we may do for a citizen: consent first, then an address, then the suppression list."""

from __future__ import annotations

from automation.channels.kinds import ChannelKind
from automation.contacts.models import ChannelConsent, Citizen, Suppression


def citizen_consents(*, citizen: Citizen) -> dict[str, bool]:
    """Granted or refused per channel; a channel never asked about is absent."""
    return dict(ChannelConsent.objects.filter(citizen=citizen).values_list("channel", "granted"))


def citizen_address(*, citizen: Citizen, channel: ChannelKind | str) -> str:
    """The address a message on this channel goes to, or "" when we have none."""
    channel = ChannelKind(channel)
    if channel == ChannelKind.EMAIL:
        return citizen.email.strip().lower()
    if channel == ChannelKind.SMS:
        return citizen.phone
    return citizen.postal_address.strip()


def address_is_suppressed(*, channel: ChannelKind | str, address: str) -> bool:
    return Suppression.objects.filter(channel=ChannelKind(channel), address=address).exists()


def citizen_can_receive(*, citizen: Citizen, channel: ChannelKind | str, consents: dict[str, bool] | None = None) -> bool:
    """True when the citizen has an address on this channel, said yes to it and is not suppressed.

    E-mail and SMS need an explicit yes. A letter needs only that the citizen did not say
    no: the post is how the city reaches people who are not online.
    """
    channel = ChannelKind(channel)
    address = citizen_address(citizen=citizen, channel=channel)
    if not address:
        return False
    consents = citizen_consents(citizen=citizen) if consents is None else consents
    answer = consents.get(channel.value)
    allowed = answer is not False if channel == ChannelKind.LETTER else answer is True
    return allowed and not address_is_suppressed(channel=channel, address=address)
