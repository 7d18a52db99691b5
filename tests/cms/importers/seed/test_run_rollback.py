"""The demo seed is all-or-nothing: a failure halfway or invalid content leaves the database as it was.

These start from an empty database, so they cannot share test_run.py's seed.
"""

import json
import shutil

import pytest

from cms.core.models import HomePage
from cms.importers.seed import events as events_step
from cms.importers.seed.data import DemoDataError
from cms.importers.seed.run import seed_demo
from tests.cms.importers.seed.kept_for_module import FIXTURES, counts

pytestmark = pytest.mark.django_db


def test_a_failure_halfway_leaves_nothing_behind(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    before = counts()

    def broken(*args, **kwargs):
        raise RuntimeError("de activiteiten konden niet geladen worden")

    monkeypatch.setattr(events_step, "seed_events", broken)
    with pytest.raises(RuntimeError):
        seed_demo(data_dir=FIXTURES)
    assert counts() == before
    assert not HomePage.objects.exists()


def test_invalid_content_names_the_item_and_rolls_back(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES, data_dir)
    path = data_dir / "theme_pages_afval.json"
    items = json.loads(path.read_text())
    items[0]["body"][3]["value"]["alt"] = ""  # an image without alt text
    path.write_text(json.dumps(items))
    before = counts()

    with pytest.raises(DemoDataError, match=r"grofvuil: blok 4 \(image\): alt"):
        seed_demo(data_dir=data_dir)
    assert counts() == before
