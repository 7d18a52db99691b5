"""The frame around every e-mail: the city's header, why the citizen gets it and where to change that.

Editors write the message; the frame is not theirs to forget. Every e-mail gets a text
and an HTML part, a line saying why the citizen receives it, the signed link to the
preference centre and how to reach Gentinfo; SMS stay bare (every character costs). The
frame's own words are here in the three languages, beside the code that uses them.

The HTML part wears the city's brand (cms/core/models/brand.py: name, main colour,
typeface, Gentinfo): a header bar in the main colour with the city's name as live text
(the logo, when set, is decorative beside it, so nothing is lost with images off and no
words live in an image), a table layout mail clients render alike, `color-scheme` and a
dark-mode style so it stays readable in dark mode, and colours with enough contrast
(the brand settings refuse a main colour under 4.5:1 against white).
"""

from __future__ import annotations

from django.utils.html import escape, linebreaks

from automation.purposes import Purpose
from cms.core.models import Brand, brand

WHY = {
    Purpose.SERVICE: {
        "nl": "U krijgt dit bericht omdat u bij Stad Gent een dossier hebt: {dossier}. Over uw eigen dossier houden we u op de hoogte zolang het loopt.",
        "en": "You receive this message because you have a file with the City of Ghent: {dossier}. We keep you informed about your own file for as long as it runs.",
        "fr": "Vous recevez ce message parce que vous avez un dossier auprès de la Ville de Gand : {dossier}. Nous vous informons de votre dossier tant qu'il est en cours.",
    },
    Purpose.NEWSLETTER: {
        "nl": "U krijgt dit bericht omdat u een abonnement hebt op nieuws van Stad Gent.",
        "en": "You receive this message because you subscribed to news from the City of Ghent.",
        "fr": "Vous recevez ce message parce que vous êtes abonné(e) aux nouvelles de la Ville de Gand.",
    },
    Purpose.CRISIS: {
        "nl": "U krijgt dit bericht omdat u een abonnement hebt op crisisberichten van Stad Gent.",
        "en": "You receive this message because you subscribed to crisis alerts from the City of Ghent.",
        "fr": "Vous recevez ce message parce que vous êtes abonné(e) aux alertes de crise de la Ville de Gand.",
    },
}

PREFERENCES = {
    "nl": "Kies welke berichten u krijgt, of meld u af",
    "en": "Choose which messages you get, or unsubscribe",
    "fr": "Choisissez les messages que vous recevez, ou désabonnez-vous",
}


def why_line(*, purpose: Purpose | str, language: str, dossier: str = "") -> str:
    texts = WHY[Purpose(purpose)]
    return texts.get(language, texts["nl"]).format(dossier=dossier)


def email_text(
    *, body: str, why: str, preferences_url: str, language: str, stop: tuple[str, str] | None = None,
    house: Brand | None = None,
) -> str:  # fmt: skip
    """`stop`: (label, url) of a one-click stop for what this message is about (a followed project)."""
    link_label = PREFERENCES.get(language, PREFERENCES["nl"])
    house = house or brand()
    contact = CONTACT.get(language, CONTACT["nl"])
    gentinfo = " · ".join(value for value in (house.gentinfo_phone, house.gentinfo_email) if value)
    stop_line = f"{stop[0]}: {stop[1]}\n" if stop else ""
    return f"{body}\n\n-- \n{why}\n{stop_line}{link_label}: {preferences_url}\n{contact}: {gentinfo}\n"


CONTACT = {
    "nl": "Vragen? Gentinfo",
    "en": "Questions? Gentinfo",
    "fr": "Des questions ? Gentinfo",
}

DARK_MODE = """
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .canvas { background: #121212 !important; color: #ececec !important; }
  .card { background: #1e1e1e !important; color: #ececec !important; }
  .card a, .footer a { color: #9cc3ff !important; }
  .footer { color: #c8c8c8 !important; }
}
"""


def email_html(
    *, body_html: str, body_text: str, why: str, preferences_url: str, language: str, subject: str,
    stop: tuple[str, str] | None = None, house: Brand | None = None,
) -> str:  # fmt: skip
    """A complete HTML document in the city's brand; the text part becomes paragraphs when there is no HTML."""
    house = house or brand()
    link_label = PREFERENCES.get(language, PREFERENCES["nl"])
    contact = CONTACT.get(language, CONTACT["nl"])
    content = body_html or linebreaks(escape(body_text))
    font = f"'{escape(house.typeface)}', Arial, Helvetica, sans-serif"
    logo = ""
    if house.logo_url.startswith("http"):
        logo = (f'<img src="{escape(house.logo_url)}" alt="" height="32" '
                'style="height: 32px; border: 0; vertical-align: middle; margin-right: 12px;">')
    gentinfo = "<br>\n".join(escape(line) for line in house.gentinfo_lines)
    stop_link = (f'<a href="{escape(stop[1])}" style="color: {house.primary_colour};">{escape(stop[0])}</a><br>\n'
                 if stop else "")
    return (
        f'<!doctype html>\n<html lang="{escape(language)}">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">'
        f"<title>{escape(subject)}</title><style>{DARK_MODE}</style></head>\n"
        f'<body style="margin: 0; padding: 0; background: #f2f2f2; color: {house.text_colour}; font-family: {font};">\n'
        '<table role="presentation" class="canvas" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'style="background: #f2f2f2;"><tr><td align="center" style="padding: 16px 8px;">\n'
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" '
        'style="width: 100%; max-width: 600px;">\n'
        f'<tr><td class="header" style="background: {house.primary_colour}; color: #ffffff; padding: 16px 24px; '
        f'font-family: {font}; font-size: 20px; font-weight: bold; line-height: 1.3;">'
        f"{logo}{escape(house.name)}</td></tr>\n"
        f'<tr><td class="card" style="background: #ffffff; color: {house.text_colour}; padding: 24px; '
        f'font-family: {font}; font-size: 16px; line-height: 1.5;">\n{content}\n</td></tr>\n'
        '<tr><td class="footer" style="padding: 16px 24px; color: #4a4a4a; font-family: '
        f'{font}; font-size: 13px; line-height: 1.5;">\n'
        f'<p style="margin: 0 0 8px;">{escape(why)}<br>\n{stop_link}'
        f'<a href="{escape(preferences_url)}" style="color: {house.primary_colour};">{escape(link_label)}</a></p>\n'
        f'<p style="margin: 0;"><strong>{escape(contact)}</strong><br>\n{gentinfo}</p>\n'
        "</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n"
    )
