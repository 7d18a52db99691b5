"""How many SMS segments a text costs: GSM-7 when every character allows it, else UCS-2.

GSM 03.38: 160 characters in one segment, 153 per segment when concatenated; characters
of the extension table (€ [ ] { } \\ ~ ^ |, form feed) count twice. Any other character
switches the whole message to UCS-2: 70 in one segment, 67 per segment concatenated,
counted in UTF-16 code units (an emoji counts two). Shown beside the SMS editor, and
used to warn when a rendered SMS costs more than the template promised.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("\f^{}\\[~]|€")


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # capacity of each segment at this length

    @property
    def remaining(self) -> int:
        """Characters left before the next segment starts."""
        return self.segments * self.per_segment - self.units


def sms_length(text: str) -> SmsLength:
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        units = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    if units <= single:
        return SmsLength(encoding, units, 1 if units else 0, single)
    return SmsLength(encoding, units, -(-units // multi), multi)
