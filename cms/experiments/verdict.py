"""The result of an experiment in one plain sentence, in Dutch, English or French.

Editors read a verdict, not a p-value: which version brings how many more people to do the
thing measured, as a range ("3 to 9 % more"), and whether they can stop. Ranges are
relative to the control ("10 % more people" means 11 in 100 instead of 10 in 100), rounded
outwards to whole percents so a verdict never claims more than the interval does.
"""

from __future__ import annotations

import math

from cms.experiments.statistics import Comparison, Decision

TEXTS = {
    "nl": {
        "too_early": "Nog te vroeg: elke versie heeft minstens {minimum} mensen nodig. Kijk gerust later opnieuw.",
        "keep_going": "Nog geen duidelijk verschil. {ranges} Ga door: u mag altijd kijken, de uitkomst blijft eerlijk.",
        "winner": "Versie {winner} brengt {low} tot {high} % meer mensen ertoe {outcome}. U kunt nu stoppen.",
        "control_wins": "De huidige versie ({control}) werkt het best: {ranges} U kunt nu stoppen.",
        "range": "Versie {name}: tussen {low} en {high} % ten opzichte van {control}.",
        "range_unknown": "Versie {name}: nog niet te zeggen.",
    },
    "en": {
        "too_early": "Too early: every version needs at least {minimum} people. Feel free to look again later.",
        "keep_going": "No clear difference yet. {ranges} Keep going: you may look at any time, the result stays honest.",
        "winner": "Version {winner} brings {low} to {high} % more people to {outcome}. You can stop now.",
        "control_wins": "The current version ({control}) works best: {ranges} You can stop now.",
        "range": "Version {name}: between {low} and {high} % compared with {control}.",
        "range_unknown": "Version {name}: cannot tell yet.",
    },
    "fr": {
        "too_early": "Trop tôt : chaque version a besoin d'au moins {minimum} personnes. Revenez plus tard.",
        "keep_going": "Pas encore de différence claire. {ranges} Continuez : vous pouvez regarder à tout moment, le résultat reste honnête.",
        "winner": "La version {winner} amène {low} à {high} % de personnes en plus à {outcome}. Vous pouvez arrêter.",
        "control_wins": "La version actuelle ({control}) fonctionne le mieux : {ranges} Vous pouvez arrêter.",
        "range": "Version {name} : entre {low} et {high} % par rapport à {control}.",
        "range_unknown": "Version {name} : impossible à dire pour l'instant.",
    },
}


def verdict_text(comparison: Comparison, *, outcome: str, language: str = "nl", min_exposed: int = 100) -> str:
    """`outcome`: what the measured people did, as an infinitive phrase in `language`
    ("hun documenten in te dienen", "hand in their documents", "remettre leurs documents")."""
    texts = TEXTS.get(language, TEXTS["nl"])
    control = comparison.control.name
    if comparison.decision == Decision.TOO_EARLY:
        return texts["too_early"].format(minimum=min_exposed)
    if comparison.decision == Decision.WINNER:
        arm = next(arm for arm in comparison.arms if arm.name == comparison.winner)
        low, high = _percent_range(arm.relative_low, arm.relative_high)
        if low is not None:
            return texts["winner"].format(winner=arm.name, low=max(low, 0), high=high, outcome=outcome)
    ranges = " ".join(_range_sentence(texts, arm, control) for arm in comparison.arms)
    key = "control_wins" if comparison.decision == Decision.CONTROL_WINS else "keep_going"
    return texts[key].format(ranges=ranges, control=control)


def _range_sentence(texts: dict, arm, control: str) -> str:
    low, high = _percent_range(arm.relative_low, arm.relative_high)
    if low is None:
        return texts["range_unknown"].format(name=arm.name)
    return texts["range"].format(name=arm.name, low=_signed(low), high=_signed(high), control=control)


def _percent_range(low: float | None, high: float | None) -> tuple[int | None, int | None]:
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None, None
    return math.floor(low * 100), math.ceil(high * 100)


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)
