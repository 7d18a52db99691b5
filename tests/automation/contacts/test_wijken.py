"""A wijk is found by name or slug, however a case system spaced or cased it, and new wijken count at once."""

import pytest

from automation.contacts.wijken import wijk_slug_for
from cms.core.models import Wijk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("written", ["Rabot - Blaisantvest", "rabot-blaisantvest", "RABOT  -  BLAISANTVEST", "Rabot-Blaisantvest"])
def test_a_wijk_is_found_however_it_was_written(rabot, written):
    assert wijk_slug_for(written) == "rabot-blaisantvest"


def test_an_unknown_wijk_is_not_guessed(rabot):
    assert wijk_slug_for("Atlantis") is None and wijk_slug_for("") is None


def test_a_wijk_added_later_is_known_at_once(rabot):
    assert wijk_slug_for("Nieuwe Wijk") is None
    Wijk.objects.create(slug="nieuwe-wijk", name="Nieuwe Wijk")
    assert wijk_slug_for("Nieuwe Wijk") == "nieuwe-wijk"
