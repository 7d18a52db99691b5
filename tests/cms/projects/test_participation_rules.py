"""The rules of giving input: an open phase only, length, choices, consent, honeypot."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.core.models import Wijk
from cms.projects.models import ProjectPhase
from cms.projects.reactions import Reaction
from cms.projects.submission import MAX_TEXT, ReactionInput, ReactionRefused, reaction_submit

from .participation_fixtures import open_for_input


def test_a_reaction_is_stored_with_the_open_phase(tree):
    phase = open_for_input(tree.project)
    reaction = reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Meer bomen graag."))
    assert reaction.phase == phase and reaction.project.pk == tree.project.pk
    assert reaction.status == "new" and reaction.name == "" and reaction.email == ""


def test_a_closed_phase_refuses_and_stores_nothing(tree):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    open_for_input(tree.project, until=yesterday)
    with pytest.raises(ReactionRefused) as refused:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Te laat?"))
    assert refused.value.closed
    assert not Reaction.objects.exists()


def test_the_last_day_still_counts(tree):
    open_for_input(tree.project, until=timezone.localdate())
    assert reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Net op tijd.")) is not None


def test_a_phase_that_is_not_current_takes_nothing(tree):
    phase = open_for_input(tree.project)
    phase.is_current = False
    phase.save()
    with pytest.raises(ReactionRefused):
        reaction_submit(project=tree.project, phase_id=phase.pk, data=ReactionInput(text="Hallo"))


def test_too_long_a_text_is_refused_naming_the_field(tree):
    open_for_input(tree.project)
    with pytest.raises(ReactionRefused) as refused:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="x" * (MAX_TEXT + 1)))
    assert list(refused.value.errors) == ["text"]
    assert not Reaction.objects.exists()


def test_an_empty_text_is_refused(tree):
    open_for_input(tree.project)
    with pytest.raises(ReactionRefused) as refused:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="   "))
    assert "text" in refused.value.errors


def test_an_answer_must_be_one_of_the_choices(tree):
    open_for_input(tree.project, question="Wat is belangrijker?", options="Meer parkeerplaats\nMeer groen")
    with pytest.raises(ReactionRefused) as refused:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Ok", answer="Een zwembad"))
    assert "answer" in refused.value.errors
    stored = reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Ok", answer="Meer groen"))
    assert stored.answer == "Meer groen"


def test_without_consent_no_contact_details_are_stored(tree):
    open_for_input(tree.project)
    reaction = reaction_submit(
        project=tree.project,
        phase_id=None,
        data=ReactionInput(text="Goed plan", name="An Peeters", email="an@example.be", contact_consent=False),
    )
    reaction.refresh_from_db()
    assert (reaction.name, reaction.email, reaction.contact_consent) == ("", "", False)


def test_with_consent_contact_details_are_kept(tree):
    open_for_input(tree.project)
    reaction = reaction_submit(
        project=tree.project,
        phase_id=None,
        data=ReactionInput(text="Goed plan", email="An@Example.be", contact_consent=True, wijk=Wijk.objects.get(slug="ledeberg")),
    )
    reaction.refresh_from_db()
    assert reaction.email == "an@example.be" and reaction.contact_consent and reaction.wijk.slug == "ledeberg"


def test_consent_without_a_way_to_reach_you_is_refused(tree):
    open_for_input(tree.project)
    with pytest.raises(ReactionRefused) as refused:
        reaction_submit(project=tree.project, phase_id=None, data=ReactionInput(text="Bel me", contact_consent=True))
    assert "email" in refused.value.errors


def test_a_filled_honeypot_stores_nothing(tree):
    open_for_input(tree.project)
    result = reaction_submit(
        project=tree.project, phase_id=None, data=ReactionInput(text="Buy pills", honeypot="http://spam.example")
    )
    assert result is None and not Reaction.objects.exists()


def test_an_open_phase_needs_a_last_day():
    with pytest.raises(ValidationError) as error:
        ProjectPhase(title="Inspraak", input_open=True).clean()
    assert "input_until" in error.value.message_dict


def test_a_choice_question_needs_two_choices():
    with pytest.raises(ValidationError) as error:
        ProjectPhase(title="Inspraak", question="Wat kiest u?", question_options="Alleen dit").clean()
    assert "question_options" in error.value.message_dict
