"""How the readability scorer describes itself in the public algorithm register (cms.transparency)."""

from __future__ import annotations

from cms.readability.levels import TARGET, TARGET_DIFFICULTY
from cms.transparency.entries import AlgorithmEntry, Setting, Text
from cms.transparency.registry import algorithm_register


def readability_entry() -> AlgorithmEntry:
    return AlgorithmEntry(
        key="readability-score",
        title=Text(nl="Heldere taal: hoe moeilijk een tekst is", en="Plain language: how hard a text is", fr="Langage clair : la difficulté d'un texte"),
        purpose=Text(
            nl="Helpt redacteurs om teksten te schrijven die iedereen begrijpt. Het beslist niets over u; het wijst de redacteur op lange zinnen en moeilijke woorden.",
            en="Helps editors write texts everyone understands. It decides nothing about you; it points the editor to long sentences and hard words.",
            fr="Aide les rédacteurs à écrire des textes que tout le monde comprend. Il ne décide rien sur vous ; il signale les phrases longues et les mots difficiles.",
        ),
        method=Text(
            nl="Zes signalen per tekst en per zin: zinslengte en lettergrepen (Flesch-Douma), lange zinnen, zeldzame woorden, lijdende vorm, "
            "zelfstandige naamwoorden van werkwoorden en ambtelijke woorden uit de woordenlijst. Elk signaal wordt vergeleken met de grens van taalniveau B1.",
            en="Six signals per text and per sentence: sentence length and syllables (Flesch-Douma), long sentences, rare words, passive voice, "
            "nouns made of verbs and official words from the glossary. Each signal is compared with the edge of language level B1.",
            fr="Six signaux par texte et par phrase : longueur des phrases et syllabes (Flesch-Douma), phrases longues, mots rares, voix passive, "
            "noms formés sur des verbes et mots administratifs du glossaire. Chaque signal est comparé à la limite du niveau B1.",
        ),
        data=Text(nl="Alleen de tekst van de pagina, geen gegevens over burgers.", en="Only the page's text, no data about citizens.", fr="Seulement le texte de la page, aucune donnée sur les citoyens."),
        oversight=Text(
            nl="De redacteur beslist altijd zelf; de score is een hulp. De woordenlijst met ambtelijke woorden en hun eenvoudiger alternatief wordt door de redactie bijgehouden.",
            en="The editor always decides; the score is an aid. The editors keep the glossary of official words and their plainer alternatives.",
            fr="Le rédacteur décide toujours ; le score est une aide. La rédaction tient le glossaire des mots administratifs et de leurs équivalents simples.",
        ),
        source="cms/readability/scoring.py",
        settings=(
            Setting("target", f"{TARGET.value} (< {TARGET_DIFFICULTY:g})", Text(
                nl="Het taalniveau waarvoor de stad schrijft: één volwassene op vijf in Gent leest moeilijk.",
                en="The language level the city writes for: one adult in five in Ghent reads with difficulty.",
                fr="Le niveau de langue visé par la ville : un adulte sur cinq à Gand lit difficilement.",
            )),
        ),
    )


def register_readability_algorithm() -> None:
    algorithm_register(key="readability-score", order=40, describe=readability_entry)
