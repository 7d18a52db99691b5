"""Who is drawn for a pretest: active, reachable members of the language and wijken, at random, never twice."""

from __future__ import annotations

import random

import pytest

from automation.contacts.models import Suppression
from automation.contacts.services import consent_record
from automation.panel.sampling import panel_eligible, panel_sample
from tests.automation.factories import CONSENT_TIME
from tests.automation.panel.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(wijken):
    members = [make_member(n=n, wijk=wijken["ledeberg"]) for n in range(1, 11)]
    members += [make_member(n=n, wijk=wijken["rabot-blaisantvest"]) for n in range(11, 16)]
    members += [make_member(n=16, wijk=wijken["ledeberg"], language="en"),
                make_member(n=17, wijk=wijken["ledeberg"], active=False)]  # fmt: skip
    return members


def test_only_active_members_in_the_language_and_wijken_are_eligible(panel, wijken):
    ledeberg = set(panel_eligible(language="nl", wijk_ids=[wijken["ledeberg"].pk]).values_list("citizen__email", flat=True))
    assert ledeberg == {f"lid{n}@example.org" for n in range(1, 11)}
    assert panel_eligible(language="nl", wijk_ids=[]).count() == 15  # no wijk chosen: all of Ghent
    assert panel_eligible(language="en", wijk_ids=[]).count() == 1


def test_members_who_withdrew_consent_or_bounce_are_not_drawn(panel, wijken):
    consent_record(citizen=panel[0].citizen, channel="email", granted=False, source="test", recorded_at=CONSENT_TIME)
    Suppression.objects.create(channel="email", address=panel[1].citizen.email, reason="hard_bounce")
    drawn = panel_eligible(language="nl", wijk_ids=[wijken["ledeberg"].pk])
    assert drawn.count() == 8 and not drawn.filter(pk__in=[panel[0].pk, panel[1].pk]).exists()


def test_the_sample_has_the_asked_size_and_differs_between_draws(panel, wijken):
    draws = {tuple(m.pk for m in panel_sample(size=4, language="nl", wijk_ids=[], rng=random.Random(seed)))
             for seed in range(20)}  # fmt: skip
    assert all(len(draw) == 4 for draw in draws)
    assert len(draws) > 10  # random, not the first four every time
    everyone = panel_sample(size=100, language="nl", wijk_ids=[wijken["rabot-blaisantvest"].pk])
    assert len(everyone) == 5  # fewer eligible than asked: all of them
