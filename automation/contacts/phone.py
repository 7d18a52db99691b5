"""Phone numbers in E.164, the one form every SMS provider accepts.

Case systems send numbers as people typed them ("0470 12 34 56", "+32 470/12.34.56").
We parse with Belgian numbering as the default region, refuse what is not a possible
mobile-or-fixed number, and store only the E.164 form, so deduplication, suppression
lists and provider calls all see one spelling.
"""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError

DEFAULT_REGION = "BE"
PHONE_CHARACTERS = re.compile(r"[0-9 +\-/.()]+")


class InvalidPhoneNumber(ValueError):
    """The text is not a valid phone number; the message says why, for an API error."""


def phone_to_e164(raw: str, *, region: str = DEFAULT_REGION) -> str:
    text = (raw or "").strip()
    if not text:
        raise InvalidPhoneNumber("is empty")
    # phonenumbers reads past trailing letters and signs (`+32470123456*` was taken); a person writes
    # digits, spaces, `+`, `-`, `/`, `.` and brackets, nothing else (issue 12).
    if not PHONE_CHARACTERS.fullmatch(text):
        raise InvalidPhoneNumber("holds characters a phone number does not have")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        raise InvalidPhoneNumber(f"is not a phone number ({error._msg})") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneNumber("is not a valid phone number; expected E.164, e.g. +32470123456")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_e164(value: str) -> None:
    """Model-field validator: the stored value must already be valid E.164."""
    try:
        normalised = phone_to_e164(value)
    except InvalidPhoneNumber as error:
        raise ValidationError(f"{value!r} {error}", code="invalid_phone") from None
    if normalised != value:
        raise ValidationError(f"{value!r} is not in E.164 form; use {normalised}", code="not_e164")
