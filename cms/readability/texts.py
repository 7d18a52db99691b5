"""Readability of texts that are not pages: message templates (e-mail, SMS, letter) and crisis alerts.

The same scorer and the editors' glossary; template tags (`{{ citizen.name }}`) are not read.
`text_level` is what a preview shows; `needs_confirmation` is the one rule for "this text is
harder than the city's target, so whoever sends it confirms that on purpose" (an SMS
template, a crisis alert), with the words of the checkbox in CONFIRMATION_LABEL.
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.readability.glossary_store import glossary_current
from cms.readability.levels import TARGET, Level, above_target
from cms.readability.scoring import LANGUAGES, score_text

CONFIRMATION_LABEL = f"Ik bevestig dat deze tekst moeilijker is dan {TARGET.value}"
CONFIRMATION_REFUSED = (
    f"Deze tekst is moeilijker dan {TARGET.label}, het doel van de stad. Maak hem eenvoudiger, "
    f"of vink aan: '{CONFIRMATION_LABEL}'."
)


@dataclass(frozen=True)
class TextLevel:
    level: str
    label: str
    difficulty: float
    words: int
    above_target: bool
    reasons: tuple[str, ...]  # of the hardest sentences, hardest first

    @property
    def target_label(self) -> str:
        return TARGET.label


def text_level(text: str, language: str = "nl") -> TextLevel:
    result = score_text(text or "", language if language in LANGUAGES else "nl", glossary_current())
    reasons = tuple(reason for sentence in result.hardest[:3] for reason in sentence.reasons)
    return TextLevel(
        level=result.level,
        label=Level(result.level).label,
        difficulty=result.difficulty,
        words=result.words,
        above_target=above_target(result.level),
        reasons=reasons,
    )


def needs_confirmation(levels) -> bool:
    """Whether any of the texts' levels is harder than the target."""
    return any(level.above_target for level in levels)
