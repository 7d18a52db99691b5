"""The demo's running message experiment, with results worth reading.

On the omgevingsvergunning journey's first step ("aanvraag ontvangen"), version B adds a
short list of what a complete application needs; the outcome is the next milestone,
"volledig verklaard", within 30 days. The results are not written into the page: simulated
applicants go through the same path as real ones. Each one's "aanvraag ontvangen" event is
stored and processed (automation/dossiers), which enrols them, picks their version by the
hash and sends them the message (exposure recorded as it is created); then, for some, a
"volledig verklaard" event follows, as the case system would send it, more often after
version B: exactly that share of each version's applicants, spread evenly over them, so
every demo shows a verdict however the hash happened to split these citizens. The outcomes are stamped
by the same service the sweep runs. Simulated applicants are recognisable by their
reference `proef-…` and their addresses at example.invalid.

Idempotent: an existing experiment with this key is left as it is.
"""

from __future__ import annotations

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from automation.dossiers.models import Milestone
from automation.dossiers.services import dossier_event_ingest, dossier_event_process
from automation.experiments.design import ArmDesign
from automation.experiments.models import MessageExperiment
from automation.experiments.outcomes import experiment_outcomes_record
from automation.experiments.services import experiment_create
from automation.journeys.models import Journey

KEY = "omv-ontvangen-checklist"
JOURNEY_SLUG = "omgevingsvergunning"
STEP_KEY = "aanvraag_ontvangen"
APPLICANTS = 300
COMPLETE_RATE = {"A": 0.18, "B": 0.50}  # the simulation's truth: B's checklist helps

CHECKLIST_TEXT = (
    "Beste,\n\n"
    "We hebben uw aanvraag {{ dossier.id }} ontvangen op {{ event.date }}.\n\n"
    "Is uw aanvraag volledig? Kijk het na:\n"
    "- een plan van de werken;\n"
    "- foto's van de huidige toestand;\n"
    "- de handtekening van alle eigenaars.\n\n"
    "Ontbreekt er iets? Vul het aan in het omgevingsloket. Dan kunnen we sneller beslissen.\n\n"
    "Met vriendelijke groeten,\nStad Gent"
)


def _event(number: int, milestone: str, occurred_at) -> dict:
    return {
        "event_id": f"proef-{number:04d}-{milestone}",
        "source": "omgevingsloket",
        "dossier": {"id": f"OMV-DEMO-{number:05d}", "type": JOURNEY_SLUG},
        "milestone": milestone,
        "occurred_at": occurred_at.isoformat(),
        "citizen": {
            "ref": f"proef-{number:04d}",
            "email": f"proef{number:04d}@example.invalid",
            "language": "nl",
            "consent": {"email": True},
        },
        "data": {},
    }


def _process(data: dict) -> None:
    body = json.dumps(data, sort_keys=True).encode()
    result = dossier_event_ingest(data=data, body_sha256=hashlib.sha256(body).hexdigest())
    dossier_event_process(event_pk=result.event.pk)


def demo_experiment_install() -> MessageExperiment | None:
    """The running demo experiment and its simulated applicants; None when it exists already."""
    journey = Journey.objects.filter(slug=JOURNEY_SLUG).first()
    milestone = Milestone.objects.filter(dossier_type__code=JOURNEY_SLUG, code="volledig_verklaard").first()
    if journey is None or milestone is None or MessageExperiment.objects.filter(key=KEY).exists():
        return None
    with transaction.atomic():
        experiment = experiment_create(
            arms=[ArmDesign(name="A", weight=50), ArmDesign(name="B", weight=50, text=CHECKLIST_TEXT)],
            key=KEY,
            name="Aanvraag ontvangen: met of zonder checklist",
            journey=journey,
            step_key=STEP_KEY,
            status=MessageExperiment.Status.RUNNING,
            outcome=MessageExperiment.Outcome.MILESTONE,
            outcome_milestone=milestone,
            outcome_days=30,
            outcome_phrase="hun aanvraag volledig te maken",
        )
        for number in range(1, APPLICANTS + 1):
            _process(_event(number, STEP_KEY, timezone.now()))
        seen: dict[str, int] = {}
        for exposure in experiment.exposures.select_related("citizen", "arm").order_by("pk"):
            arm, index = exposure.arm.name, seen.get(exposure.arm.name, 0)
            seen[arm] = index + 1
            if int((index + 1) * COMPLETE_RATE[arm]) > int(index * COMPLETE_RATE[arm]):
                number = int(exposure.citizen.ref.rsplit("-", 1)[1])
                _process(_event(number, "volledig_verklaard", timezone.now()))
        experiment_outcomes_record(experiment=experiment)
    return experiment
