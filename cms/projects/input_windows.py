"""When citizens can give input on a project, and what the project page says about it.

One rule, used by the form's endpoint, the content API and the admin: a phase takes
reactions while an editor has marked it open for input and its last day (`input_until`,
Ghent's calendar) has not passed. Only the project's current phase can be open: a citizen
reading "where are we now?" and "can I still react?" must get one answer.

`project_participation` is what the project page shows (through the content API): whether
input is possible and until when, the question, the events linked to the project (public
ones only, by the page kernel's rule), and the answers the team published per phase ("wat
we met uw inbreng deden"). Nothing about any reaction or any person is in it.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from cms.core.publishing import is_public, public_path


def phase_accepts_input(phase, *, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return bool(phase.input_open and phase.is_current and phase.input_until and today <= phase.input_until)


def open_phase(project, *, today: date | None = None):
    """The project's phase that takes reactions now, or None."""
    return next((phase for phase in project.phases.all() if phase_accepts_input(phase, today=today)), None)


def _event_summary(page) -> dict:
    event = page.specific
    start = getattr(event, "start", None)
    return {
        "id": event.pk,
        "title": event.title,
        "start": start.isoformat() if start else None,
        "location": getattr(event, "location_name", "") or "",
        "path": public_path(event.url_path) or "",
    }


def project_events(project) -> list[dict]:
    """The public events linked to the project, soonest first (past ones too: 'the walk was on ...')."""
    events = [link.event for link in project.event_links.select_related("event") if is_public(link.event)]
    summaries = [_event_summary(page) for page in events]
    return sorted(summaries, key=lambda item: item["start"] or "")


def project_participation(project, *, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    phases = list(project.phases.all())
    phase = next((p for p in phases if phase_accepts_input(p, today=today)), None)
    current = next((p for p in phases if p.is_current), None)
    closed = current if current is not None and current.input_open and phase is None else None
    return {
        "open": phase is not None,
        "phase": phase.pk if phase else None,
        "phase_title": phase.title if phase else "",
        "until": phase.input_until.isoformat() if phase else None,
        "closed_on": closed.input_until.isoformat() if closed and closed.input_until else None,
        "question": phase.question if phase else "",
        "choices": phase.choices() if phase else [],
        "events": project_events(project),
        "outcomes": [{"phase": p.title, "text": p.outcome} for p in phases if p.outcome.strip()],
    }


PARTICIPATION_SCHEMA = {
    "type": "object",
    "description": "Taking part: whether a reaction can be given now (`open`, until the day `until`, inclusive), "
    "the phase's question (`choices` empty: an open question), the events of the project and the published "
    "answers per phase. `closed_on`: the last day input was possible in the current phase, once it is over.",
    "properties": {
        "open": {"type": "boolean"},
        "phase": {"type": ["integer", "null"], "description": "The phase a reaction is stored with."},
        "phase_title": {"type": "string"},
        "until": {"type": ["string", "null"], "format": "date"},
        "closed_on": {"type": ["string", "null"], "format": "date"},
        "question": {"type": "string"},
        "choices": {"type": "array", "items": {"type": "string"}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "start": {"type": ["string", "null"], "format": "date-time"},
                    "location": {"type": "string"},
                    "path": {"type": "string", "description": "The event's public path on the site."},
                },
                "required": ["id", "title", "start", "location", "path"],
            },
        },
        "outcomes": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"phase": {"type": "string"}, "text": {"type": "string"}},
                "required": ["phase", "text"],
            },
        },
    },
    "required": ["open", "phase", "phase_title", "until", "closed_on", "question", "choices", "events", "outcomes"],
}
