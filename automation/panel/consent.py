"""What a citizen agrees to when joining the test panel, in the three languages, with a version.

The member row records the version it was shown (`PanelMember.consent_version`): change
the words, give them a new version, and the old members' proof still names what they
read. The join endpoint refuses any other version than the current one, so nobody is
recorded as agreeing to a text that was not on their screen.
"""

from __future__ import annotations

CURRENT_VERSION = "testpanel-2026-12"

TEXTS = {
    CURRENT_VERSION: {
        "nl": "Ik wil af en toe een ontwerptekst van Stad Gent lezen en zeggen of hij duidelijk is. "
        "Stad Gent bewaart daarvoor mijn e-mailadres, wijk en taal, tot ik uit het testpanel stap. "
        "Mijn antwoorden worden zonder naam bewaard. Ik kan op elk moment met één klik uitstappen.",
        "en": "I want to read a draft text of the City of Ghent now and then and say whether it is clear. "
        "For this the City keeps my e-mail address, wijk and language until I leave the test panel. "
        "My answers are kept without my name. I can leave at any time with one click.",
        "fr": "Je veux lire de temps en temps un projet de texte de la Ville de Gand et dire s'il est clair. "
        "Pour cela, la Ville garde mon adresse e-mail, mon quartier et ma langue jusqu'à ce que je quitte "
        "le panel. Mes réponses sont gardées sans mon nom. Je peux quitter le panel à tout moment en un clic.",
    }
}


def consent_text(*, language: str, version: str = CURRENT_VERSION) -> str:
    texts = TEXTS[version]
    return texts.get(language, texts["nl"])
