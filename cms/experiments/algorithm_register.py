"""How experiments describe themselves in the public algorithm register (cms.transparency).

Two entries: who gets which version (assignment), and how a winner is decided (the
sequential test). The figures are the ones the code uses (`statistics.comparison`,
`statistics.msprt`), read at the moment the register is asked.
"""

from __future__ import annotations

from cms.experiments.statistics.comparison import DEFAULT_ALPHA, DEFAULT_MIN_EXPOSED
from cms.experiments.statistics.msprt import DEFAULT_TAU
from cms.transparency.entries import AlgorithmEntry, Setting, Text
from cms.transparency.registry import algorithm_register


def experiment_assignment_entry() -> AlgorithmEntry:
    return AlgorithmEntry(
        key="experiment-assignment",
        title=Text(nl="Experimenten: wie welke versie krijgt", en="Experiments: who gets which version", fr="Expériences : qui reçoit quelle version"),
        purpose=Text(
            nl="Soms test de stad twee versies van een bericht of een pagina, om te leren welke beter begrepen wordt. Dit bepaalt welke versie u krijgt.",
            en="Sometimes the city tests two versions of a message or a page, to learn which is understood better. This decides which version you get.",
            fr="Parfois la ville teste deux versions d'un message ou d'une page, pour savoir laquelle est mieux comprise. Ceci détermine la version que vous recevez.",
        ),
        method=Text(
            nl="Bij berichten: een vaste berekening op het experiment en uw dossiernummer, zodat u altijd dezelfde versie krijgt, ook bij een herinnering. "
            "Op de website: bij elk bezoek opnieuw, door het toeval. Er is geen cookie en er wordt niets op uw toestel bewaard.",
            en="For messages: a fixed calculation on the experiment and your file number, so you always get the same version, also in a reminder. "
            "On the website: anew at every visit, by chance. There is no cookie and nothing is stored on your device.",
            fr="Pour les messages : un calcul fixe sur l'expérience et votre numéro de dossier, pour que vous receviez toujours la même version, aussi dans un rappel. "
            "Sur le site : à chaque visite, au hasard. Pas de cookie, rien n'est gardé sur votre appareil.",
        ),
        data=Text(
            nl="Welke versie u kreeg en of u daarna de volgende stap in uw dossier zette (of op de link klikte). Niet wie u bent: resultaten tonen alleen aantallen.",
            en="Which version you got and whether you then took the next step in your file (or clicked the link). Not who you are: results show only counts.",
            fr="La version reçue et si vous avez ensuite franchi l'étape suivante de votre dossier (ou cliqué sur le lien). Pas qui vous êtes : les résultats ne montrent que des nombres.",
        ),
        oversight=Text(
            nl="Een redacteur start en stopt elk experiment. Een versie die meer mensen laat afhaken (uitschrijven, klachten) wordt automatisch gestopt.",
            en="An editor starts and stops every experiment. A version that makes more people drop out (unsubscribes, complaints) is stopped automatically.",
            fr="Un rédacteur lance et arrête chaque expérience. Une version qui fait décrocher plus de gens (désinscriptions, plaintes) est arrêtée automatiquement.",
        ),
        source="cms/experiments/assignment.py",
    )


def experiment_statistics_entry() -> AlgorithmEntry:
    return AlgorithmEntry(
        key="experiment-statistics",
        title=Text(nl="Experimenten: wanneer een versie beter is", en="Experiments: when a version is better", fr="Expériences : quand une version est meilleure"),
        purpose=Text(
            nl="Bepaalt of een verschil tussen versies echt is of toeval, zodat de stad geen toevalstreffer voor de hele stad gebruikt.",
            en="Decides whether a difference between versions is real or chance, so the city does not roll out a lucky fluke to everyone.",
            fr="Détermine si une différence entre versions est réelle ou due au hasard, pour que la ville n'étende pas un coup de chance à tous.",
        ),
        method=Text(
            nl="Een sequentiële toets (mSPRT) die eerlijk blijft, hoe vaak iemand ook naar de resultaten kijkt. Bij meer dan twee versies geldt een strengere grens per versie (Bonferroni). "
            "In gesimuleerde experimenten zonder echt verschil wijst deze toets in hoogstens 5 % een winnaar aan; een gewone toets die even vaak bekeken wordt, in ongeveer 40 %.",
            en="A sequential test (mSPRT) that stays honest however often someone looks at the results. With more than two versions each gets a stricter limit (Bonferroni). "
            "In simulated experiments without a real difference this test names a winner in at most 5 %; an ordinary test looked at as often, in about 40 %.",
            fr="Un test séquentiel (mSPRT) qui reste honnête quel que soit le nombre de fois où l'on regarde les résultats. Avec plus de deux versions, chacune a une limite plus stricte (Bonferroni). "
            "Dans des expériences simulées sans vraie différence, ce test désigne un gagnant dans 5 % des cas au plus ; un test ordinaire regardé aussi souvent, dans environ 40 %.",
        ),
        data=Text(nl="Alleen aantallen per versie.", en="Only counts per version.", fr="Seulement des nombres par version."),
        oversight=Text(
            nl="Iedereen kan de simulatie zelf draaien: manage.py experiment_simulate.",
            en="Anyone can run the simulation: manage.py experiment_simulate.",
            fr="Chacun peut lancer la simulation : manage.py experiment_simulate.",
        ),
        source="cms/experiments/statistics/",
        settings=(
            Setting("alpha", f"{DEFAULT_ALPHA:g}", Text(
                nl="De kans op een valse winnaar die we aanvaarden, over alle keren kijken samen.",
                en="The chance of a false winner we accept, over all looks together.",
                fr="La probabilité d'un faux gagnant acceptée, toutes consultations comprises.",
            )),
            Setting("tau", f"{DEFAULT_TAU:g}", Text(
                nl="De grootte van verschil die we verwachten (3 procentpunt); bepaalt hoe snel de toets beslist.",
                en="The size of difference we expect (3 percentage points); sets how fast the test decides.",
                fr="La taille de différence attendue (3 points de pourcentage) ; règle la vitesse de décision.",
            )),
            Setting("min_exposed", str(DEFAULT_MIN_EXPOSED), Text(
                nl="Minimum aantal mensen per versie voor er iets beslist wordt.",
                en="Minimum number of people per version before anything is decided.",
                fr="Nombre minimum de personnes par version avant toute décision.",
            )),
        ),
    )


def register_experiment_algorithms() -> None:
    algorithm_register(key="experiment-assignment", order=30, describe=experiment_assignment_entry)
    algorithm_register(key="experiment-statistics", order=31, describe=experiment_statistics_entry)
