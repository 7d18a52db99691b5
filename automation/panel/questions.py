"""The questions of a pretest and what counts as an answer to them.

A question is {"key", "kind", "text"}: `scale` is answered 1 (not clear at all) to 5
(very clear), `text` in at most MAX_TEXT characters. The defaults are the three the city
asks about every draft; an editor may reword them or add one. A scale question must be
answered (an answer without it says nothing about the draft); text is optional.
"""

from __future__ import annotations

from django.db import models

MAX_TEXT = 2000
MAX_GIVEN = 100  # one cloze gap: one word
SCALE = (1, 2, 3, 4, 5)
SCALE_LABELS_BY_LANGUAGE = {
    "nl": {1: "helemaal niet duidelijk", 2: "niet zo duidelijk", 3: "gaat wel", 4: "duidelijk", 5: "heel duidelijk"},
    "en": {1: "not clear at all", 2: "not very clear", 3: "all right", 4: "clear", 5: "very clear"},
    "fr": {1: "pas clair du tout", 2: "pas très clair", 3: "ça va", 4: "clair", 5: "très clair"},
}
SCALE_LABELS = SCALE_LABELS_BY_LANGUAGE["nl"]  # the admin's words


def scale_labels(language: str) -> dict[int, str]:
    return SCALE_LABELS_BY_LANGUAGE.get(language, SCALE_LABELS)


class QuestionKind(models.TextChoices):
    SCALE = "scale", "schaal van 1 tot 5"
    TEXT = "text", "vrij antwoord"


DEFAULT_QUESTIONS = [
    {"key": "duidelijk", "kind": QuestionKind.SCALE.value, "text": "Is deze tekst duidelijk?"},
    {"key": "actie", "kind": QuestionKind.TEXT.value, "text": "Wat zou u nu doen?"},
    {"key": "opmerking", "kind": QuestionKind.TEXT.value, "text": "Opmerking"},
]


# The keys a question may have, with their kind: the admin's three defaults and one extra.
QUESTION_KINDS = {"duidelijk": QuestionKind.SCALE, "actie": QuestionKind.TEXT, "opmerking": QuestionKind.TEXT,
                  "extra": QuestionKind.TEXT}  # fmt: skip


def questions_errors(questions: list[dict]) -> list[str]:
    """What is wrong with a pretest's questions: each needs a known key of its kind, and text."""
    errors = []
    for question in questions:
        key = question.get("key")
        if QUESTION_KINDS.get(key) != question.get("kind") or not str(question.get("text", "")).strip():
            errors.append(f"question {key!r}: the key must be one of {sorted(QUESTION_KINDS)} with its kind, and have text")
    if not any(question.get("kind") == QuestionKind.SCALE for question in questions):
        errors.append("a pretest asks the clarity scale (`duidelijk`)")
    return errors


def answers_errors(*, questions: list[dict], answers: object) -> dict[str, list[str]]:
    """What is wrong with `answers` (a JSON object, question key -> answer), by field path; {} when fine.

    Keys this pretest does not ask are ignored (the API ignores unknown fields)."""
    if not isinstance(answers, dict):
        return {"answers": ["Must be an object with one answer per question key."]}
    errors: dict[str, list[str]] = {}
    for question in questions:
        value = answers.get(question["key"])
        field = f"answers.{question['key']}"
        if question["kind"] == QuestionKind.SCALE:
            if value is None:
                errors[field] = ["Choose 1 (not clear at all) to 5 (very clear)."]
            elif isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
                errors[field] = ["Must be a whole number from 1 to 5."]
        elif value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
            errors[field] = [f"Must be text of at most {MAX_TEXT} characters."]
    return errors


def answers_cleaned(*, questions: list[dict], answers: dict) -> dict:
    """The answers as stored: scales as numbers, texts stripped, empty texts left out."""
    cleaned = {}
    for question in questions:
        value = answers.get(question["key"])
        if question["kind"] == QuestionKind.SCALE:
            cleaned[question["key"]] = value
        elif isinstance(value, str) and value.strip():
            cleaned[question["key"]] = value.strip()
    return cleaned


def cloze_errors(*, given: object, gaps: int) -> dict[str, list[str]]:
    if not isinstance(given, list):
        return {"cloze": ["Must be a list with one word per gap (an empty string for a gap left open)."]}
    errors = {}
    for position, word in enumerate(given[:gaps]):  # words past the last gap are ignored
        if not isinstance(word, str) or len(word) > MAX_GIVEN:
            errors[f"cloze.{position}"] = [f"Must be a word of at most {MAX_GIVEN} characters."]
    return errors
