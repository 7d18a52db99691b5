"""Steps other apps add to the demo seed run inside its one transaction, after the pages."""

from pathlib import Path

import pytest
from wagtail.models import Page

from cms.core.models import HomePage
from cms.importers.seed import contributions
from cms.importers.seed.run import seed_demo

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "seed_small"

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_these_contributions(monkeypatch):
    """Replace the installed apps' contributions with the test's own for one test."""
    monkeypatch.setattr(contributions, "_contributions", {})
    return contributions.demo_contribution_register


def test_a_contribution_runs_after_the_pages_exist(settings, tmp_path, only_these_contributions):
    settings.MEDIA_ROOT = tmp_path / "media"
    seen = {}
    only_these_contributions(label="Test", install=lambda: seen.update(live=Page.objects.live().filter(depth__gt=1).count()))

    report = seed_demo(data_dir=FIXTURES)

    assert seen["live"] == report.total_live_pages > 0


def test_a_failing_contribution_rolls_the_whole_seed_back(settings, tmp_path, only_these_contributions):
    settings.MEDIA_ROOT = tmp_path / "media"

    def broken():
        raise RuntimeError("het demo-traject kon niet geïnstalleerd worden")

    only_these_contributions(label="Kapot", install=broken)
    with pytest.raises(RuntimeError, match="demo-traject"):
        seed_demo(data_dir=FIXTURES)
    assert not HomePage.objects.exists()


def test_registering_a_label_again_replaces_it(only_these_contributions):
    only_these_contributions(label="Automatisering", install=lambda: 1)
    only_these_contributions(label="Automatisering", install=lambda: 2)
    assert [c.install() for c in contributions.demo_contributions()] == [2]
