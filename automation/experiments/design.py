"""Checking an experiment's design before it is stored: every problem named by its field, in Dutch.

One rule for the admin form and for anything else that creates an experiment (the demo, the
tests): a split that does not add up to 100 %, a version that differs from the control in
nothing (no text, channel or send time of its own), a text that is not a valid template, a
milestone outcome without its milestone, a step that is not a send step of the journey.
Keys are field names, `arms[i].<field>` for the i-th version (0 = the control).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template import TemplateSyntaxError

from automation.messages.rendering import render_string

MIN_ARMS = 2


@dataclass(frozen=True)
class ArmDesign:
    name: str
    weight: int
    subject: str = ""
    text: str = ""
    channel: str = ""
    delay_hours: int | None = None


def experiment_design_errors(
    *, arms: list[ArmDesign], test_share: int = 100, outcome: str = "milestone", outcome_milestone=None,
    journey=None, step_key: str = "",
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if len(arms) < MIN_ARMS:
        add("arms", f"Een experiment vergelijkt minstens {MIN_ARMS} versies: de eerste is de controle.")
    total = sum(arm.weight or 0 for arm in arms)
    if arms and total != 100:
        add("arms", f"De aandelen van de versies tellen op tot {total} %, niet tot 100 %.")
    names = [arm.name.strip() for arm in arms]
    for name in sorted({name for name in names if names.count(name) > 1}):
        add("arms", f"De naam '{name}' komt meer dan eens voor bij de versies.")
    for index, arm in enumerate(arms):
        if not arm.name.strip():
            add(f"arms[{index}].name", f"Versie {index + 1}: geef ze een naam.")
        if index > 0 and not (arm.subject.strip() or arm.text.strip() or arm.channel or arm.delay_hours):
            add(f"arms[{index}].text", f"Versie {arm.name or index + 1}: vul een tekst in (of een onderwerp, een ander kanaal of een latere verzendtijd): nu verschilt ze in niets van de controle.")
        for field in ("subject", "text"):
            try:
                render_string(getattr(arm, field), {}, html=False)
            except TemplateSyntaxError as error:
                add(f"arms[{index}].{field}", f"Versie {arm.name or index + 1}: de plaatshouders kloppen niet ({error}).")
    if not 1 <= (test_share or 0) <= 100:
        add("test_share", "De testgroep ligt tussen 1 en 100 %.")
    if outcome == "milestone" and outcome_milestone is None:
        add("outcome_milestone", "Kies de mijlpaal die telt als 'gelukt'.")
    if journey is not None and step_key:
        version = journey.live_version
        send_keys = set(version.steps.filter(kind="send").values_list("key", flat=True)) if version else set()
        if step_key not in send_keys:
            add("step_key", f"'{step_key}' is geen verstuurstap van journey '{journey.name}' (wel: {', '.join(sorted(send_keys)) or 'geen'}).")
    return errors


class ExperimentDesignError(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items()))
