"""Storing a reaction: the rules a submission must pass, checked once, for every caller.

- the phase must take input now (cms/projects/input_windows.py) and belong to the project;
- the text is required and at most `MAX_TEXT` characters; an answer to a choice question
  must be one of the choices; an open answer at most `MAX_ANSWER` characters;
- contact details are stored only with explicit consent; consent without a way to reach
  the citizen (name or e-mail) is refused, and without consent any details sent are
  dropped, not stored;
- a filled honeypot field (hidden from people, filled by bots) stores nothing and is
  answered like a success, so a bot learns nothing.

Errors name the field (`ReactionRefused.errors`, {field: [message]}); nothing is stored
when any rule fails. Rate limits are the endpoint's (cms/api/services/participation/).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from cms.projects.input_windows import phase_accepts_input

MAX_TEXT = 2000
MAX_ANSWER = 500
MAX_NAME = 200


class ReactionRefused(Exception):
    def __init__(self, errors: dict[str, list[str]], *, closed: bool = False):
        super().__init__("; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items()))
        self.errors = errors
        self.closed = closed


@dataclass(frozen=True)
class ReactionInput:
    text: str
    answer: str = ""
    wijk: object = None  # a cms.core Wijk row or None
    language: str = "nl"
    contact_consent: bool = False
    name: str = ""
    email: str = ""
    honeypot: str = ""


def source_phase(phase):
    """The phase in the project's source language (the one reactions are counted with)."""
    from wagtail.models import Locale

    page = phase.page
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return phase
    source = page.get_translation_or_none(default)
    if source is None:
        return phase
    return type(phase).objects.filter(page=source, translation_key=phase.translation_key).first() or phase


def _check(phase, data: ReactionInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    text = data.text.strip()
    if not text:
        errors["text"] = ["Write your reaction."]
    elif len(text) > MAX_TEXT:
        errors["text"] = [f"At most {MAX_TEXT} characters (now {len(text)})."]
    answer = data.answer.strip()
    choices = phase.choices()
    if answer and choices and answer not in choices:
        errors["answer"] = ["Choose one of the options: " + " | ".join(choices)]
    elif len(answer) > MAX_ANSWER:
        errors["answer"] = [f"At most {MAX_ANSWER} characters (now {len(answer)})."]
    if data.contact_consent:
        if not (data.name.strip() or data.email.strip()):
            errors["email"] = ["Give an e-mail address (or a name) so the team can contact you, or leave consent off."]
        if len(data.name.strip()) > MAX_NAME:
            errors["name"] = [f"At most {MAX_NAME} characters."]
        if data.email.strip():
            try:
                validate_email(data.email.strip())
            except ValidationError:
                errors["email"] = ["Enter a valid e-mail address."]
    return errors


def reaction_submit(*, project, phase_id: int | None, data: ReactionInput, today=None):
    """Store the reaction (status new) and return it; None for a honeypot hit. Raises ReactionRefused."""
    from cms.projects.models import ProjectPhase
    from cms.projects.reactions import Reaction

    phase = ProjectPhase.objects.filter(pk=phase_id, page_id=project.pk).first() if phase_id else None
    if phase is None:
        phases = ProjectPhase.objects.filter(page_id=project.pk, is_current=True)  # stored rows, not in-memory ones
        phase = next((p for p in phases if phase_accepts_input(p, today=today)), None)
    if phase is None or not phase_accepts_input(phase, today=today):
        raise ReactionRefused({"phase": ["This project does not take reactions now."]}, closed=True)
    errors = _check(phase, data)
    if errors:
        raise ReactionRefused(errors)
    if data.honeypot.strip():
        return None
    consent = bool(data.contact_consent)
    stored_phase = source_phase(phase)
    return Reaction.objects.create(
        project_id=stored_phase.page_id,
        phase=stored_phase,
        text=data.text.strip(),
        answer=data.answer.strip(),
        wijk=data.wijk,
        language=data.language,
        contact_consent=consent,
        name=data.name.strip() if consent else "",
        email=data.email.strip().lower() if consent else "",
    )
