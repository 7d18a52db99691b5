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
SCALE_LABELS = {
    1: "helemaal niet duidelijk",
    2: "niet zo duidelijk",
    3: "gaat wel",
    4: "duidelijk",
    5: "heel duidelijk",
}


class QuestionKind(models.TextChoices):
    SCALE = "scale", "schaal van 1 tot 5"
    TEXT = "text", "vrij antwoord"


DEFAULT_QUESTIONS = [
    {"key": "duidelijk", "kind": QuestionKind.SCALE.value, "text": "Is deze tekst duidelijk?"},
    {"key": "actie", "kind": QuestionKind.TEXT.value, "text": "Wat zou u nu doen?"},
    {"key": "opmerking", "kind": QuestionKind.TEXT.value, "text": "Opmerking"},
]


def answers_errors(*, questions: list[dict], answers: object) -> dict[str, list[str]]:
    """What is wrong with `answers` (a JSON object, question key -> answer), by field path; {} when fine."""
    if not isinstance(answers, dict):
        return {"answers": ["Must be an object with one answer per question key."]}
    errors: dict[str, list[str]] = {}
    known = {question["key"] for question in questions}
    for key in answers:
        if key not in known:
            errors[f"answers.{key}"] = ["Unknown question."]
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
    if len(given) > gaps:
        return {"cloze": [f"This text has {gaps} gaps; {len(given)} words were given."]}
    errors = {}
    for position, word in enumerate(given):
        if not isinstance(word, str) or len(word) > MAX_GIVEN:
            errors[f"cloze.{position}"] = [f"Must be a word of at most {MAX_GIVEN} characters."]
    return errors
