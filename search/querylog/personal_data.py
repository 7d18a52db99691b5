"""Does a query look like personal data? Then it is never stored, only counted by kind without its text.

Citizens type into a search box what they would tell a clerk: "aanslag 85.07.30-033.28",
"mijn nummer is 0470 12 34 56", "jan.peeters@telenet.be parkeerkaart". Each pattern below
is a kind of personal data a Ghent citizen is likely to paste, in the notations people
write it in (Belgian and foreign):

* an e-mail address, also written "naam [at] domein.be";
* a phone number: international with + or 00 (8 to 15 digits after it), or Belgian with a leading
  0 (9 or 10 digits: "09 266 11 11", "0470/12.34.56"), with any of space . / - ( ) between;
* a Belgian national register number (rijksregisternummer, also the BIS number): 11
  digits as YY MM DD SSS CC, written together or with dots, spaces and dashes;
* an IBAN: a country of the IBAN registry, two check digits, then 10 to 30 letters and
  digits, with at least 8 digits in all (so "nl20 kamers te huur" stays);
* a Belgian licence plate of today's format (1-ABC-123);
* a long string of digits: 8 or more in a row, or 9 or more joined by spaces, dots,
  slashes, dashes or brackets (customer, dossier and card numbers);
* a text longer than `MAX_QUERY_LENGTH` characters (a pasted letter).

The checks err on the side of withholding: a mistyped IBAN or a national number with a
wrong check digit is still personal. What must stay searchable does: house and room
counts ("3 kamers"), years ("2025", "2024-2025"), postcodes ("9000 Gent"), dates
("15/01/2026"), short numbers ("1700", "112"). Names and street addresses cannot be told
from ordinary words by a pattern; that is why the log keeps no time of day and no trace
of who searched, and why raw rows are deleted after the retention period.
"""

from __future__ import annotations

import re

from search.querylog.models import MAX_QUERY_LENGTH, WithheldKind

_SEPARATOR = r"[ .\-/()]"

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+|\S+\s*[\[(]\s*(?:at|apenstaartje|arobase)\s*[\])]\s*\S+\.\w{2,}", re.IGNORECASE)
_NATIONAL_NUMBER = re.compile(r"(?<![\d+])(\d{2})[ .]?(\d{2})[ .]?(\d{2})[ .\-]?\d{3}[ .\-]?\d{2}(?![\d])")
# The countries of the IBAN registry (SWIFT), so "au 0485 ..." (French "au" before a phone) is no IBAN.
_IBAN_COUNTRIES = (
    "ad ae al at az ba be bg bh bi br by ch cr cy cz de dj dk do ee eg es fi fk fo fr gb ge gi gl gr gt hr hu ie il "
    "iq is it jo kw kz lb lc li lt lu lv ly mc md me mk mn mr mt mu ni nl no om pk pl ps pt qa ro rs ru sa sc sd se "
    "si sk sm so st sv tl tn tr ua va vg xk ye"
).split()
_IBAN = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(_IBAN_COUNTRIES)})\d{{2}}(?:[ \-]?[a-z0-9]){{10,30}}(?![a-z0-9])",
                   re.IGNORECASE)
_LICENCE_PLATE = re.compile(r"(?<![\w-])[1-9][ \-]?[a-z]{3}[ \-]?\d{3}(?![\w-])", re.IGNORECASE)
# Digits with at most two separators between each ("/ ", ") "), optionally after a + (a country code).
_NUMBER = re.compile(rf"(?<![\w+])\+?\d(?:{_SEPARATOR}{{0,2}}\d)*")
_DIGIT_RUN = re.compile(r"\d{8,}")
# A date (15/01/2026, 1.2.2025): not personal on its own, and it must not join the number beside it.
_DATE = re.compile(r"(?<![\d.\-/])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d{2})(?!\d|[.\-/]\d)")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _without_dates(text: str) -> str:
    def replace(match: re.Match) -> str:
        day, month = int(match.group(1)), int(match.group(3))
        return " , " if 1 <= day <= 31 and 1 <= month <= 12 else match.group()

    return _DATE.sub(replace, text)


def _national_number(text: str) -> bool:
    """YY MM DD SSS CC, where MM is a month, or a BIS number's month plus 20 or 40 (0 when unknown)."""
    for match in _NATIONAL_NUMBER.finditer(text):
        month, day = int(match.group(2)), int(match.group(3))
        if month % 20 <= 12 and month <= 52 and day <= 31:
            return True
    return False


def _phone_or_digits(text: str) -> WithheldKind | None:
    for match in _NUMBER.finditer(_without_dates(text)):
        number = match.group()
        digits = _digits(number)
        international = digits if number.startswith("+") else digits[2:] if digits.startswith("00") else None
        if international is not None and 8 <= len(international) <= 15:
            return WithheldKind.PHONE
        if international is None and digits.startswith("0") and len(digits) in (9, 10):
            return WithheldKind.PHONE
        if len(digits) >= 9 or _DIGIT_RUN.search(number):
            return WithheldKind.DIGITS
    return None


def _iban(text: str) -> bool:
    return any(len(_digits(match.group())) >= 8 for match in _IBAN.finditer(text))


def personal_data_kind(query: str) -> WithheldKind | None:
    """The kind of personal data `query` (normalised or not) looks like, or None when it may be stored."""
    if len(query) > MAX_QUERY_LENGTH:
        return WithheldKind.LONG_TEXT
    if _EMAIL.search(query):
        return WithheldKind.EMAIL
    if _iban(query):
        return WithheldKind.IBAN
    if _national_number(query):
        return WithheldKind.NATIONAL_NUMBER
    if _LICENCE_PLATE.search(query):
        return WithheldKind.LICENCE_PLATE
    return _phone_or_digits(query)
