"""A pretest's figures for the admin: invited and answered, the clarity scale, free answers, the cloze score.

Nothing here names anyone: responses hold no link to a member, and each question's free
answers are listed sorted by their text, so answers to two questions cannot be lined up
into one person's answers by their order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from automation.panel.models import Invitation, Pretest
from automation.panel.questions import SCALE, SCALE_LABELS, QuestionKind
from cms.readability.cloze import Cloze


@dataclass(frozen=True)
class ScaleResult:
    question: dict
    counts: list[tuple[int, str, int]]  # (value, label, how many)
    mean: float | None


@dataclass(frozen=True)
class GapResult:
    position: int  # 1-based, as the form numbers them
    word: str
    missed: int
    answered: int

    @property
    def missed_share(self) -> float:
        return self.missed / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class PretestResults:
    invited: int
    answered: int
    withdrawn: int
    scales: list[ScaleResult] = field(default_factory=list)
    texts: list[tuple[dict, list[str]]] = field(default_factory=list)
    cloze_mean: float | None = None
    gaps: list[GapResult] = field(default_factory=list)  # most missed first

    @property
    def response_rate(self) -> float:
        return self.answered / self.invited if self.invited else 0.0


def pretest_results(*, pretest: Pretest) -> PretestResults:
    statuses = list(pretest.invitations.values_list("status", flat=True))
    responses = list(pretest.responses.values("answers", "cloze_right", "cloze_correct", "cloze_total"))
    scales, texts = [], []
    for question in pretest.questions:
        values = [r["answers"].get(question["key"]) for r in responses]
        if question["kind"] == QuestionKind.SCALE:
            given = [v for v in values if isinstance(v, int)]
            counts = [(value, SCALE_LABELS[value], given.count(value)) for value in SCALE]
            scales.append(ScaleResult(question=question, counts=counts, mean=sum(given) / len(given) if given else None))
        else:
            texts.append((question, sorted((v for v in values if isinstance(v, str) and v), key=str.casefold)))
    answers = Cloze.from_json(pretest.cloze).answers if pretest.cloze else []
    gaps = []
    for position, word in enumerate(answers):
        marks = [r["cloze_right"][position] for r in responses if position < len(r["cloze_right"])]
        gaps.append(GapResult(position=position + 1, word=word, missed=marks.count(False), answered=len(marks)))
    gaps.sort(key=lambda gap: (-gap.missed_share, gap.position))
    shares = [r["cloze_correct"] / r["cloze_total"] for r in responses if r["cloze_total"]]
    return PretestResults(
        invited=len(statuses),
        answered=statuses.count(Invitation.Status.ANSWERED),
        withdrawn=statuses.count(Invitation.Status.WITHDRAWN),
        scales=scales,
        texts=texts,
        cloze_mean=sum(shares) / len(shares) if shares else None,
        gaps=gaps,
    )
