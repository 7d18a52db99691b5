"""Opening a pretest through its personal link, and storing its answer exactly once.

The token is the only way to a draft outside the admin: `invitation_for_token` finds the
invitation by the token's hash (a withdrawn one, of a member who left, opens nothing).

One answer per token: the invitation moves from `invited` to `answered` by a
compare-and-set in the same transaction that stores the answer, so two posts at once (a
double click, two tabs) store one answer; the other gets `AlreadyAnswered` and nothing.

Free text is stored with e-mail addresses and phone numbers blanked out: people sign
their comments, and answers are to stay anonymous whatever was typed.
"""

from __future__ import annotations

import re

from django.db import transaction

from automation.panel.models import Invitation, Pretest, PretestResponse
from automation.panel.questions import QuestionKind, answers_cleaned, answers_errors, cloze_errors
from automation.panel.tokens import token_hash
from cms.readability.cloze import Cloze, cloze_score

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<!\w)\+?\d[\d ./-]{7,}\d(?!\w)")
REDACTED = "[weggelaten]"


class AlreadyAnswered(Exception):
    """This invitation's answer is stored already; nothing was stored now."""


class AnswerRefused(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("the answer is not valid")
        self.errors = errors


def invitation_for_token(token: str) -> Invitation | None:
    if not isinstance(token, str) or not 10 <= len(token) <= 100:
        return None
    return (
        Invitation.objects.select_related("pretest")
        .filter(token_sha256=token_hash(token), pretest__status=Pretest.Status.SENT)
        .exclude(status=Invitation.Status.WITHDRAWN)
        .first()
    )


def redacted(text: str) -> str:
    return PHONE_RE.sub(REDACTED, EMAIL_RE.sub(REDACTED, text))


def pretest_answer(*, invitation: Invitation, answers: object, cloze_given: object) -> PretestResponse:
    """Store the answer to the invitation's pretest; raises AnswerRefused (naming fields) or AlreadyAnswered."""
    pretest = invitation.pretest
    cloze = Cloze.from_json(pretest.cloze)
    errors = answers_errors(questions=pretest.questions, answers=answers)
    errors.update(cloze_errors(given=cloze_given, gaps=len(cloze.answers)))
    if errors:
        raise AnswerRefused(errors)
    cleaned = answers_cleaned(questions=pretest.questions, answers=answers)
    for question in pretest.questions:
        if question["kind"] == QuestionKind.TEXT and question["key"] in cleaned:
            cleaned[question["key"]] = redacted(cleaned[question["key"]])
    score = cloze_score(cloze=cloze, given=cloze_given)
    with transaction.atomic():
        taken = Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.INVITED).update(
            status=Invitation.Status.ANSWERED
        )
        if not taken:
            raise AlreadyAnswered()
        return PretestResponse.objects.create(
            pretest=pretest,
            answers=cleaned,
            cloze_given=[word.strip() for word in cloze_given[: score.total]],
            cloze_right=score.right,
            cloze_correct=score.correct,
            cloze_total=score.total,
        )
