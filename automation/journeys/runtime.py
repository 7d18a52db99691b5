"""The journey runtime: what a dossier event sets in motion.

Called by dossier-event processing inside its transaction. It finds the live journeys
that listen to the event's milestone and reports whether any did; rows it creates are
committed with the event's new status, and only then are their ids queued.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from automation.journeys.selectors import milestone_triggers


@dataclass
class EventOutcome:
    matched: bool
    message_ids: list[int] = field(default_factory=list)


def journeys_handle_event(*, event, citizen, dossier) -> EventOutcome:
    triggers = list(milestone_triggers(dossier_type=event.dossier_type, milestone=event.milestone))
    return EventOutcome(matched=bool(triggers))
