"""The frame around every e-mail: why the citizen gets it and where to change that.

Editors write the message; the frame is not theirs to forget. Every e-mail gets a text
and an HTML part, a line saying why the citizen receives it, and the signed link to the
preference centre; SMS stay bare (every character costs). The frame's own words are
here in the three languages, beside the code that uses them.
"""

from __future__ import annotations

from django.utils.html import escape, linebreaks

from automation.purposes import Purpose

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


def email_text(*, body: str, why: str, preferences_url: str, language: str, stop: tuple[str, str] | None = None) -> str:
    """`stop`: (label, url) of a one-click stop for what this message is about (a followed project)."""
    link_label = PREFERENCES.get(language, PREFERENCES["nl"])
    stop_line = f"{stop[0]}: {stop[1]}\n" if stop else ""
    return f"{body}\n\n-- \n{why}\n{stop_line}{link_label}: {preferences_url}\n"


def email_html(
    *, body_html: str, body_text: str, why: str, preferences_url: str, language: str, subject: str,
    stop: tuple[str, str] | None = None,
) -> str:  # fmt: skip
    """A complete, small HTML document; the text part becomes paragraphs when there is no HTML."""
    link_label = PREFERENCES.get(language, PREFERENCES["nl"])
    content = body_html or linebreaks(escape(body_text))
    stop_link = f'<a href="{escape(stop[1])}">{escape(stop[0])}</a><br>\n' if stop else ""
    return (
        f'<!doctype html>\n<html lang="{escape(language)}">\n<head><meta charset="utf-8">'
        f"<title>{escape(subject)}</title></head>\n"
        '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">\n'
        f"{content}\n"
        '<hr style="border: 0; border-top: 1px solid #ccc; margin: 2em 0 1em;">\n'
        f'<p style="font-size: 13px; color: #555;">{escape(why)}<br>\n{stop_link}'
        f'<a href="{escape(preferences_url)}">{escape(link_label)}</a></p>\n'
        "</body>\n</html>\n"
    )
