"""A citizen texts STOP (or START) back: SMS stops (or resumes) at once, whatever provider carried it.

The number goes on the suppression list and SMS consent is withdrawn for every citizen
with that number, recorded with time and source. START lifts a STOP the same way. Words
in the city's three languages are understood; anything else is ignored here.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.db import transaction

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, Suppression
from automation.contacts.phone import InvalidPhoneNumber, phone_to_e164
from automation.contacts.services import consent_record

STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "arret", "arrêt", "afmelden", "uitschrijven"}
START_WORDS = {"start", "unstop", "aanmelden"}


def keyword_of(text: str) -> str | None:
    words = re.findall(r"\w+", (text or "").lower())
    if not words:
        return None
    if words[0] in STOP_WORDS:
        return "stop"
    if words[0] in START_WORDS:
        return "start"
    return None


def normalised_number(raw: str) -> str | None:
    digits = (raw or "").strip()
    for candidate in (digits, "+" + digits.lstrip("+")):  # some providers drop the "+"
        try:
            return phone_to_e164(candidate)
        except InvalidPhoneNumber:
            continue
    return None


def sms_keyword_received(*, phone: str, text: str, provider: str, at: datetime) -> str | None:
    """Act on STOP or START from `phone`; returns the keyword acted on, or None."""
    keyword = keyword_of(text)
    number = normalised_number(phone)
    if keyword is None or number is None:
        return None
    with transaction.atomic():
        if keyword == "stop":
            Suppression.objects.get_or_create(
                channel=ChannelKind.SMS, address=number, defaults={"reason": Suppression.Reason.SMS_STOP}
            )
        else:
            Suppression.objects.filter(channel=ChannelKind.SMS, address=number, reason=Suppression.Reason.SMS_STOP).delete()
        for citizen in Citizen.objects.filter(phone=number):
            consent_record(
                citizen=citizen,
                channel=ChannelKind.SMS,
                granted=keyword == "start",
                source=f"sms-{keyword}:{provider}",
                recorded_at=at,
            )
    return keyword
