"""Seeding the demo shows a person its progress and summary, not a log line per page or per task."""

import logging
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures" / "seed_small"
CHATTY = ("wagtail", "django_tasks", "celery.app.trace")

pytestmark = pytest.mark.django_db


def test_seed_demo_logs_no_line_per_page_or_task(settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    with caplog.at_level(logging.INFO):
        call_command("seed_demo", data_dir=str(FIXTURES), no_progress=True, stdout=out, stderr=StringIO())

    chatty = [r for r in caplog.records if r.name.startswith(CHATTY) and r.levelno < logging.WARNING]
    assert chatty == []
    assert "Live pagina's:" in out.getvalue()  # the summary is still there


def test_verbosity_2_brings_the_page_log_back(settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path / "media"
    with caplog.at_level(logging.INFO):
        call_command("seed_demo", data_dir=str(FIXTURES), no_progress=True, verbosity=2, stdout=StringIO(),
                     stderr=StringIO())

    assert any(r.name == "wagtail" and "Published" in r.getMessage() for r in caplog.records)
