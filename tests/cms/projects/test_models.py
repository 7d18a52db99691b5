"""Project pages: one current phase, and a participation status citizens can read."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cms.projects.models import ParticipationStatus, ProjectPhase
from cms.projects.phases import SINGLE_CURRENT_PHASE_MESSAGE


def test_two_current_phases_are_refused(tree):
    project = tree.project
    project.phases.add(ProjectPhase(title="Ontwerp", is_current=True), ProjectPhase(title="Werken", is_current=True))
    with pytest.raises(ValidationError) as error:
        project.save_revision()
    assert SINGLE_CURRENT_PHASE_MESSAGE in error.value.messages


def test_one_current_phase_is_the_current_phase(tree):
    project = tree.project
    project.phases.add(ProjectPhase(title="Ontwerp", is_current=False), ProjectPhase(title="Werken", is_current=True))
    project.save_revision().publish()
    project.refresh_from_db()
    assert project.current_phase.title == "Werken"


def test_a_phase_cannot_end_before_it_starts():
    phase = ProjectPhase(title="Werken", start=datetime.date(2026, 5, 1), end=datetime.date(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        phase.clean()
    assert "end" in error.value.message_dict


def test_the_participation_status_is_shown_in_plain_dutch(client, tree):
    tree.project.participation_status = ParticipationStatus.IN_DEVELOPMENT
    tree.project.save_revision().publish()
    assert "uw inbreng is welkom" in client.get(tree.project.url).content.decode()
