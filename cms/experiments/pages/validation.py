"""What makes a page experiment valid, each refusal naming its field (in Dutch, for editors).

One rule for the admin form (cms/experiments/pages/forms.py) and for anything else that
creates an experiment (the demo seed, tests): a public page, a
measured link that is one of its buttons, non-empty version texts, shares adding up to 100 %,
an end after the start, and at most one running experiment per page (two would share views,
and neither result would mean anything).
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.core.publishing import is_public
from cms.experiments.pages.links import call_to_action_links
from cms.experiments.pages.models import ExperimentField, PageExperiment

TOTAL = 100


@dataclass(frozen=True)
class VersionDraft:
    text: str
    weight: int


def page_experiment_problems(*, page, field: str, measured_link: str, control_weight: int,
                             versions: list[VersionDraft], starts_at, ends_at,
                             experiment_id: int | None = None) -> dict[str, str]:
    """{field name: what is wrong} ("versions" for the version rows); empty when valid."""
    problems: dict[str, str] = {}
    if page is None:
        return {"page": "Kies een pagina."}
    page = page.specific
    if not is_public(page):
        problems["page"] = "Deze pagina is niet publiek: een experiment kan alleen op een gepubliceerde pagina lopen."
    elif PageExperiment.objects.running().filter(page=page).exclude(pk=experiment_id).exists():
        problems["page"] = "Op deze pagina loopt al een experiment: stop dat eerst."
    buttons = call_to_action_links(page)
    if not buttons:
        problems["measured_link"] = "Deze pagina heeft geen knop (oproep tot actie) om klikken op te meten."
    elif measured_link and measured_link not in buttons:
        problems["measured_link"] = "Dit adres is geen knop op deze pagina. Knoppen: " + ", ".join(buttons)
    if not versions:
        problems["versions"] = "Voeg minstens één andere versie toe."
    elif any(not version.text.strip() for version in versions):
        problems["versions"] = "Elke versie heeft een tekst nodig: een lege versie kan niet getoond worden."
    elif field == ExperimentField.TITLE and any(len(version.text) > 255 for version in versions):
        problems["versions"] = "Een titel is hoogstens 255 tekens lang."
    total = control_weight + sum(version.weight for version in versions)
    if total != TOTAL:
        problems["control_weight"] = f"De aandelen (A en de andere versies) moeten samen 100 % zijn, niet {total} %."
    if ends_at is not None and starts_at is not None and ends_at <= starts_at:
        problems["ends_at"] = "Het einde moet na de start liggen."
    return problems


def default_measured_link(page) -> str:
    """The first button's address (what an empty measured link means)."""
    buttons = call_to_action_links(page.specific)
    return buttons[0] if buttons else ""

