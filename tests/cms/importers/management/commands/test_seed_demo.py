"""`manage.py seed_demo`: one command builds the demo and says how to log in."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "seed_small"

pytestmark = pytest.mark.django_db


def test_the_command_reports_live_pages_and_the_demo_accounts(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("seed_demo", data_dir=str(FIXTURES), no_progress=True, stdout=out, stderr=StringIO())
    output = out.getvalue()
    assert "vrijhaven-demo" in output
    assert "redacteur.milieu" in output and "reviewer" in output
    assert "Live pagina's:" in output


def test_bad_data_stops_the_command_with_a_clear_message(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "events.json").write_text('[{"slug": "feest", "title": "Feest", "start": "morgen"}]')
    with pytest.raises(CommandError, match="events: feest.*er is niets gewijzigd|er is niets gewijzigd.*events: feest"):
        call_command("seed_demo", data_dir=str(tmp_path), no_progress=True, stdout=StringIO(), stderr=StringIO())
