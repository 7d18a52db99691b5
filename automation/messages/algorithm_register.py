"""How message sending describes itself in the public algorithm register (cms.transparency).

Three rules decide whether and when a citizen gets a message: the newsletter frequency cap,
the quiet hours for texts and calls, and the send times (schedules, waits, retries). Each
entry reads the settings in force, so the register says "3 newsletters per 7 days" only
while that is true.
"""

from __future__ import annotations

from django.conf import settings

from cms.transparency.entries import AlgorithmEntry, Setting, Text
from cms.transparency.registry import algorithm_register

NOT_ABOUT_YOU = Text(
    nl="Alleen welke berichten u al kreeg en via welk kanaal; niets anders over u.",
    en="Only which messages you already got and through which channel; nothing else about you.",
    fr="Seulement les messages déjà reçus et par quel canal ; rien d'autre sur vous.",
)


def frequency_cap_entry() -> AlgorithmEntry:
    cap, days = settings.AUTOMATION_NEWSLETTER_CAP, settings.AUTOMATION_NEWSLETTER_CAP_DAYS
    if cap:
        rule = Text(
            nl=f"U krijgt hoogstens {cap} nieuwsbrieven per {days} dagen per kanaal (e-mail, sms). Een nieuwsbrief boven dat aantal wordt niet verstuurd, ook niet later.",
            en=f"You get at most {cap} newsletters per {days} days per channel (e-mail, text). A newsletter above that number is not sent, not later either.",
            fr=f"Vous recevez au plus {cap} lettres d'information par {days} jours et par canal (e-mail, SMS). Au-delà, elle n'est pas envoyée, ni plus tard.",
        )
    else:
        rule = Text(
            nl="Er is nu geen grens op het aantal nieuwsbrieven.",
            en="There is currently no limit on the number of newsletters.",
            fr="Il n'y a actuellement pas de limite au nombre de lettres d'information.",
        )
    return AlgorithmEntry(
        key="newsletter-frequency-cap",
        title=Text(nl="Niet te veel nieuwsbrieven", en="Not too many newsletters", fr="Pas trop de lettres d'information"),
        purpose=Text(
            nl="Zorgt dat u niet overspoeld wordt door nieuwsbrieven en wijknieuws.",
            en="Makes sure you are not flooded with newsletters and neighbourhood news.",
            fr="Veille à ce que vous ne soyez pas submergé de lettres d'information et de nouvelles du quartier.",
        ),
        method=Text(
            nl=rule.nl + " Crisisberichten en berichten over uw eigen dossier tellen niet mee en worden nooit tegengehouden.",
            en=rule.en + " Crisis alerts and messages about your own file do not count and are never held back.",
            fr=rule.fr + " Les alertes de crise et les messages sur votre propre dossier ne comptent pas et ne sont jamais retenus.",
        ),
        data=NOT_ABOUT_YOU,
        oversight=Text(
            nl="Beheerders stellen het aantal in; u kiest zelf wat u ontvangt in uw voorkeuren.",
            en="Administrators set the number; you choose what you receive in your preferences.",
            fr="Les administrateurs fixent le nombre ; vous choisissez ce que vous recevez dans vos préférences.",
        ),
        source="automation/messages/frequency_caps.py",
        settings=(
            Setting("AUTOMATION_NEWSLETTER_CAP", str(cap), Text(
                nl="Hoeveel nieuwsbrieven per periode en kanaal (0: geen grens).",
                en="How many newsletters per period and channel (0: no limit).",
                fr="Combien de lettres par période et par canal (0 : pas de limite).",
            )),
            Setting("AUTOMATION_NEWSLETTER_CAP_DAYS", str(days), Text(
                nl="De lengte van die periode in dagen.", en="The length of that period in days.", fr="La durée de cette période en jours.",
            )),
        ),
    )


def quiet_hours_entry() -> AlgorithmEntry:
    window = settings.AUTOMATION_SMS_QUIET_HOURS.strip()
    if window:
        start, _, end = window.partition("-")
        rule = Text(
            nl=f"Tussen {start.strip()} en {end.strip()} (Belgische tijd) sturen we geen sms en bellen we niet. Een bericht dat in die uren valt, wacht tot {end.strip()}.",
            en=f"Between {start.strip()} and {end.strip()} (Belgian time) we send no texts and make no calls. A message that falls in those hours waits until {end.strip()}.",
            fr=f"Entre {start.strip()} et {end.strip()} (heure belge), nous n'envoyons pas de SMS et n'appelons pas. Un message tombant dans ces heures attend jusqu'à {end.strip()}.",
        )
    else:
        rule = Text(
            nl="Er zijn nu geen stille uren ingesteld.", en="No quiet hours are set at the moment.", fr="Aucune heure de silence n'est définie actuellement.",
        )
    return AlgorithmEntry(
        key="quiet-hours",
        title=Text(nl="Stille uren voor sms en telefoon", en="Quiet hours for texts and calls", fr="Heures de silence pour SMS et appels"),
        purpose=Text(
            nl="Zorgt dat uw telefoon 's nachts niet gaat voor een bericht van de stad.",
            en="Makes sure your phone does not ring at night for a message from the city.",
            fr="Veille à ce que votre téléphone ne sonne pas la nuit pour un message de la ville.",
        ),
        method=Text(
            nl=rule.nl + " Alleen crisisberichten gaan altijd meteen.",
            en=rule.en + " Only crisis alerts always go at once.",
            fr=rule.fr + " Seules les alertes de crise partent toujours immédiatement.",
        ),
        data=Text(nl="Geen gegevens over u: alleen de klok.", en="No data about you: only the clock.", fr="Aucune donnée sur vous : seulement l'heure."),
        oversight=Text(
            nl="Beheerders stellen de uren in.", en="Administrators set the hours.", fr="Les administrateurs fixent les heures.",
        ),
        source="automation/messages/quiet_hours.py",
        settings=(
            Setting("AUTOMATION_SMS_QUIET_HOURS", window or "-", Text(
                nl="Van wanneer tot wanneer (leeg: geen stille uren).", en="From when to when (empty: no quiet hours).", fr="De quand à quand (vide : pas d'heures de silence).",
            )),
        ),
    )


def send_times_entry() -> AlgorithmEntry:
    attempts = settings.AUTOMATION_SEND_MAX_ATTEMPTS
    return AlgorithmEntry(
        key="send-times",
        title=Text(nl="Wanneer een bericht vertrekt", en="When a message goes out", fr="Quand un message part"),
        purpose=Text(
            nl="Bepaalt wanneer u een bericht over uw dossier, een nieuwsbrief of een herinnering krijgt.",
            en="Decides when you get a message about your file, a newsletter or a reminder.",
            fr="Détermine quand vous recevez un message sur votre dossier, une lettre d'information ou un rappel.",
        ),
        method=Text(
            nl="Een bericht over uw dossier vertrekt zodra de stap in uw dossier gezet is, na de wachttijd die de redactie voor die reeks koos (bijvoorbeeld een herinnering na 7 dagen). "
            f"Een nieuwsbrief vertrekt op de dag en het uur die de redactie koos. Lukt het versturen niet, dan proberen we opnieuw, met een steeds langere pauze, hoogstens {attempts} keer. "
            "U krijgt hetzelfde bericht nooit twee keer.",
            en="A message about your file goes out as soon as the step in your file is taken, after the waiting time the editors chose for that series (for example a reminder after 7 days). "
            f"A newsletter goes out on the day and hour the editors chose. If sending fails, we try again with a growing pause, at most {attempts} times. "
            "You never get the same message twice.",
            fr="Un message sur votre dossier part dès que l'étape de votre dossier est franchie, après le délai choisi par la rédaction pour cette série (par exemple un rappel après 7 jours). "
            f"Une lettre d'information part le jour et à l'heure choisis par la rédaction. Si l'envoi échoue, nous réessayons avec une pause croissante, au plus {attempts} fois. "
            "Vous ne recevez jamais deux fois le même message.",
        ),
        data=Text(
            nl="De stappen in uw dossier die de dienst ons meldt, en uw keuze van kanaal en taal.",
            en="The steps in your file the department reports to us, and your choice of channel and language.",
            fr="Les étapes de votre dossier que le service nous signale, et votre choix de canal et de langue.",
        ),
        oversight=Text(
            nl="De redactie stelt de reeksen en hun wachttijden in, met een voorbeeld van elk bericht voor het vertrekt; u kunt elk bericht met één klik stoppen.",
            en="The editors set up the series and their waiting times, with a preview of every message before it goes; you can stop every message in one click.",
            fr="La rédaction configure les séries et leurs délais, avec un aperçu de chaque message avant envoi ; vous pouvez arrêter chaque message en un clic.",
        ),
        source="automation/journeys/runtime.py, automation/journeys/schedules.py, automation/messages/",
        settings=(
            Setting("AUTOMATION_SEND_MAX_ATTEMPTS", str(attempts), Text(
                nl="Hoe vaak we een bericht hoogstens proberen te versturen.", en="How many times at most we try to send a message.", fr="Combien de fois au plus nous essayons d'envoyer un message.",
            )),
            Setting("AUTOMATION_SEND_RETRY_BACKOFF", f"{settings.AUTOMATION_SEND_RETRY_BACKOFF} s", Text(
                nl="De eerste pauze voor een nieuwe poging; elke volgende duurt twee keer zo lang.",
                en="The first pause before a new try; each next one lasts twice as long.",
                fr="La première pause avant un nouvel essai ; chacune suivante dure deux fois plus.",
            )),
        ),
    )


def register_message_algorithms() -> None:
    algorithm_register(key="newsletter-frequency-cap", order=50, describe=frequency_cap_entry)
    algorithm_register(key="quiet-hours", order=51, describe=quiet_hours_entry)
    algorithm_register(key="send-times", order=52, describe=send_times_entry)
