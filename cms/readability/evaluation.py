"""Measured, not assumed: how often a score ranks the plain version of a message as easier.

`evaluation/pairs.jsonl` holds the same message written twice, once plain and once in
official style, across the city's themes (waste, permits, taxes, care, mobility, crisis).
A pair counts as right when the plain version gets the lower difficulty; a tie counts as
wrong. Ours and Wagtail's LIX (lix.py) are measured on the same pairs.

The set has two halves (`split`): "development", written while the signals' patterns were
built and looked at then, and "holdout", written after the scorer was frozen (the commit
that adds the holdout changes no scoring code) and never used to change it. The weights
were never fitted to either (scoring.py). Both halves are reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cms.readability.glossary import Glossary, seed_glossary
from cms.readability.lix import lix
from cms.readability.scoring import score_text

PAIRS_PATH = Path(__file__).parent / "evaluation" / "pairs.jsonl"


@dataclass(frozen=True)
class Accuracy:
    pairs: int
    ours: float
    lix: float

    def line(self, name: str) -> str:
        return f"{name}: pairs={self.pairs} ours={self.ours:.3f} lix={self.lix:.3f}"


def load_pairs(path: Path = PAIRS_PATH) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def pair_results(pairs: list[dict], glossary: Glossary | None = None) -> list[dict]:
    """Per pair: both difficulties and both LIX scores, and whether each ranks them right."""
    glossary = glossary if glossary is not None else seed_glossary()
    results = []
    for pair in pairs:
        language = pair.get("language", "nl")
        plain = score_text(pair["plain"], language, glossary).difficulty
        official = score_text(pair["official"], language, glossary).difficulty
        lix_plain, lix_official = lix(pair["plain"], language), lix(pair["official"], language)
        results.append({
            "id": pair["id"], "split": pair["split"], "theme": pair["theme"],
            "ours": (plain, official), "lix": (round(lix_plain, 1), round(lix_official, 1)),
            "ours_right": plain < official, "lix_right": lix_plain < lix_official,
        })  # fmt: skip
    return results


def accuracy(results: list[dict]) -> Accuracy:
    total = len(results) or 1
    return Accuracy(
        pairs=len(results),
        ours=sum(result["ours_right"] for result in results) / total,
        lix=sum(result["lix_right"] for result in results) / total,
    )


def report(pairs: list[dict] | None = None, glossary: Glossary | None = None) -> dict[str, Accuracy]:
    """Accuracy on all pairs and on each half."""
    results = pair_results(pairs if pairs is not None else load_pairs(), glossary)
    halves = sorted({result["split"] for result in results})
    return {
        "all": accuracy(results),
        **{half: accuracy([result for result in results if result["split"] == half]) for half in halves},
    }
