"""What a voice call says, and the TwiML that says it: a text message read aloud is not a script.

A listener cannot read back, so the message is spoken twice with a pause between, then
why the citizen gets this call ("U krijgt deze oproep omdat ...") and how to stop. The
script is stored as the message's text, one paragraph per spoken part (a blank line
between), so the message log shows exactly what was said; `twiml` turns those paragraphs
into one `<Say>` each with a `<Pause>` between, in the citizen's language and Belgian
locale (nl-BE, fr-BE; English as en-GB). Pure functions: no database, no provider.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

#: Twilio's `<Say language=...>` per message language; Dutch for any other.
LOCALES = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}
PAUSE_SECONDS = 2
#: Twilio's limit on the `Twiml` parameter of a call.
TWIML_MAX_CHARS = 4000

WORDS = {
    "nl": {
        "intro": "Dit is een bericht van Stad Gent.",
        "repeat": "Ik herhaal het bericht.",
        "why": {
            "service": "U krijgt deze oproep omdat u bij Stad Gent een dossier hebt{dossier} en gevraagd hebt om gebeld te worden.",
            "newsletter": "U krijgt deze oproep omdat u een abonnement hebt op nieuws van Stad Gent en gevraagd hebt om gebeld te worden.",
            "crisis": "U krijgt deze oproep omdat u een abonnement hebt op crisisberichten van Stad Gent en gevraagd hebt om gebeld te worden.",
        },
        "stop": "Wilt u niet meer gebeld worden? Bel Gentinfo{phone}, of kies een ander kanaal in uw voorkeuren op de website van de stad.",
    },
    "fr": {
        "intro": "Ceci est un message de la Ville de Gand.",
        "repeat": "Je répète le message.",
        "why": {
            "service": "Vous recevez cet appel parce que vous avez un dossier auprès de la Ville de Gand{dossier} et que vous avez demandé à être appelé(e).",
            "newsletter": "Vous recevez cet appel parce que vous êtes abonné(e) aux nouvelles de la Ville de Gand et que vous avez demandé à être appelé(e).",
            "crisis": "Vous recevez cet appel parce que vous êtes abonné(e) aux alertes de crise de la Ville de Gand et que vous avez demandé à être appelé(e).",
        },
        "stop": "Vous ne voulez plus être appelé(e) ? Appelez Gentinfo{phone}, ou choisissez un autre canal dans vos préférences sur le site de la ville.",
    },
    "en": {
        "intro": "This is a message from the City of Ghent.",
        "repeat": "I repeat the message.",
        "why": {
            "service": "You receive this call because you have a file with the City of Ghent{dossier} and asked to be called.",
            "newsletter": "You receive this call because you subscribed to news from the City of Ghent and asked to be called.",
            "crisis": "You receive this call because you subscribed to crisis alerts from the City of Ghent and asked to be called.",
        },
        "stop": "Do you no longer want to be called? Call Gentinfo{phone}, or choose another channel in your preferences on the city's website.",
    },
}
PHONE_JOIN = {"nl": " op ", "fr": " au ", "en": " on "}
DOSSIER_JOIN = {"nl": ": ", "fr": " : ", "en": ": "}


def voice_words(language: str) -> dict:
    return WORDS.get(language, WORDS["nl"])


def voice_script(*, body: str, language: str, purpose: str, dossier: str = "", gentinfo_phone: str = "") -> str:
    """The whole call as text: intro, message, "I repeat", message, why, how to stop; blank line between parts."""
    words = voice_words(language)
    code = language if language in WORDS else "nl"
    message = " ".join(body.split())  # a text's line breaks mean nothing to a listener
    why = words["why"].get(purpose, words["why"]["service"]).format(
        dossier=f"{DOSSIER_JOIN[code]}{dossier}" if dossier else ""
    )
    stop = words["stop"].format(phone=f"{PHONE_JOIN[code]}{gentinfo_phone}" if gentinfo_phone else "")
    return "\n\n".join((words["intro"], message, words["repeat"], message, why, stop))


def voice_locale(language: str) -> str:
    return LOCALES.get(language, LOCALES["nl"])


def twiml(*, script: str, language: str, voice: str = "") -> str:
    """`<Response>` with a `<Say>` per paragraph of the script and a pause between them."""
    attributes = f" language={quoteattr(voice_locale(language))}" + (f" voice={quoteattr(voice)}" if voice else "")
    parts = [" ".join(part.split()) for part in script.split("\n\n")]
    says = [f"<Say{attributes}>{escape(part)}</Say>" for part in parts if part]
    pause = f'<Pause length="{PAUSE_SECONDS}"/>'
    return '<?xml version="1.0" encoding="UTF-8"?><Response>' + pause.join(says) + "</Response>"
