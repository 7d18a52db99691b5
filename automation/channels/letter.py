"""Letters, for citizens who are not online: a PDF per citizen, printed and posted in batches.

A letter is not handed to a provider one by one: the send task leaves it `created`, and
`manage.py print_batch` collects every waiting letter into one print batch (a zip of
PDFs with a manifest, `messages/print_batch.py`); the letters are `sent` when the batch
is handed off. This module only turns a letter's words into a PDF (WeasyPrint), so it
stays free of the database like every channel.

The page is an A4 letter for a Belgian window envelope (address window left, 50 mm from
the top): the city as sender, the citizen's address, the date and subject, the text,
the line saying why the citizen receives it and how to reach Gentinfo (for a reader who
cannot look anything up online). Labels are in the letter's language, Dutch when there
is no other. The sender, the Gentinfo lines, the colour and the typeface come from the
city's brand settings (cms/core/models/brand.py), handed in by the print batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import escape, linebreaks

from automation.channels.base import Channel, Envelope, SendResult
from automation.channels.errors import PermanentError
from automation.channels.kinds import ChannelKind

SENDER = ("Stad Gent", "Botermarkt 1", "9000 Gent")
LABELS = {
    "nl": {"reference": "Ons kenmerk", "date_place": "Gent", "why": "Waarom krijgt u deze brief?",
           "contact": "Vragen? Neem contact op met Gentinfo"},
    "en": {"reference": "Our reference", "date_place": "Ghent", "why": "Why do you receive this letter?",
           "contact": "Questions? Contact Gentinfo"},
    "fr": {"reference": "Notre référence", "date_place": "Gand", "why": "Pourquoi recevez-vous cette lettre ?",
           "contact": "Des questions ? Contactez Gentinfo"},
}
DEFAULT_COLOUR = "#1d4f91"
DEFAULT_TYPEFACE = "DejaVu Sans"

CSS = """
@page { size: A4; margin: 20mm 20mm 25mm 25mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
body { font-family: "%(typeface)s", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
.sender { font-size: 8.5pt; color: #333; height: 25mm; }
.sender strong { color: %(colour)s; font-size: 10pt; }
.address { height: 35mm; font-size: 11pt; white-space: pre-line; }
.meta { margin: 6mm 0 8mm; font-size: 9pt; }
h1 { font-size: 13pt; margin: 0 0 5mm; color: %(colour)s; }
.why { margin-top: 10mm; padding-top: 3mm; border-top: 0.5pt solid #999; font-size: 8.5pt; color: #333; }
.contact { margin-top: 4mm; font-size: 9pt; border-left: 1.2mm solid %(colour)s; padding-left: 3mm; }
"""


@dataclass(frozen=True)
class Letter:
    reference: str
    address: str  # the address block, one line per line
    subject: str
    body_text: str
    body_html: str
    language: str
    why: str
    dated: date
    sender: tuple[str, ...] = SENDER
    contact: tuple[str, ...] = ()  # how to reach Gentinfo, a line each (phone, e-mail, address, hours)
    colour: str = DEFAULT_COLOUR
    typeface: str = DEFAULT_TYPEFACE


def letter_html(letter: Letter) -> str:
    labels = LABELS.get(letter.language, LABELS["nl"])
    with translation.override(letter.language if letter.language in LABELS else "nl"):
        written = date_format(letter.dated, "j F Y")
    address = "\n".join(line.strip() for line in letter.address.replace(",", "\n").splitlines() if line.strip())
    body = letter.body_html or linebreaks(escape(letter.body_text))
    css = CSS % {"colour": escape(letter.colour), "typeface": escape(letter.typeface)}
    sender = [f"<strong>{escape(letter.sender[0])}</strong>", *(escape(line) for line in letter.sender[1:])]
    contact = ""
    if letter.contact:
        contact = (f'<div class="contact"><strong>{escape(labels["contact"])}</strong><br>'
                   + "<br>".join(escape(line) for line in letter.contact) + "</div>")
    return (
        f'<!doctype html><html lang="{escape(letter.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(letter.subject)}</title><style>{css}</style></head><body>"
        f'<div class="sender">{"<br>".join(sender)}</div>'
        f'<div class="address">{escape(address)}</div>'
        f'<div class="meta">{escape(labels["date_place"])}, {escape(written)}<br>'
        f'{escape(labels["reference"])}: {escape(letter.reference)}</div>'
        f"<h1>{escape(letter.subject)}</h1>{body}"
        f'<div class="why"><strong>{escape(labels["why"])}</strong><br>{escape(letter.why)}</div>'
        f"{contact}"
        "</body></html>"
    )


def letter_document(letter: Letter):
    """The laid-out WeasyPrint document (pages, text boxes) of the letter."""
    from weasyprint import HTML  # imported on use: heavy, and only the print batch needs it

    return HTML(string=letter_html(letter)).render()


def letter_pdf(letter: Letter) -> tuple[bytes, int]:
    """The letter as PDF bytes, and its number of pages."""
    document = letter_document(letter)
    return document.write_pdf(), len(document.pages)


class LetterChannel(Channel):
    kind = ChannelKind.LETTER
    #: Sent by the print batch, never one by one by the send task (`messages/sending.py`).
    batched = True

    def send(self, envelope: Envelope) -> SendResult:
        raise PermanentError("letters leave in a print batch (manage.py print_batch), not one by one", provider="letter")
