"""Reading the demo JSON: whatever files are there, with clear errors for broken ones."""

import json

import pytest

from cms.importers.seed.data import DemoDataError, as_date, as_datetime, load_demo_data


def write(directory, name, content):
    (directory / name).write_text(json.dumps(content) if not isinstance(content, str) else content)


def test_theme_pages_from_several_files_are_combined(tmp_path):
    write(tmp_path, "theme_pages_afval.json", [{"slug": "grofvuil"}])
    write(tmp_path, "theme_pages_wonen.json", [{"slug": "huurpremie"}])
    data = load_demo_data(tmp_path)
    assert sorted(item["slug"] for item in data.theme_pages) == ["grofvuil", "huurpremie"]


def test_missing_files_are_empty_and_unknown_files_are_reported(tmp_path):
    write(tmp_path, "events.json", [{"slug": "buurtfeest"}])
    write(tmp_path, "notities.json", [])
    data = load_demo_data(tmp_path)
    assert len(data.events) == 1
    assert data.projects == [] and data.press_releases == []
    assert data.ignored_files == ["notities.json"]


def test_a_broken_file_is_named(tmp_path):
    write(tmp_path, "projects.json", "[{\"slug\": ")
    with pytest.raises(DemoDataError, match="projects.json"):
        load_demo_data(tmp_path)


def test_a_file_that_is_not_a_list_is_refused(tmp_path):
    write(tmp_path, "events.json", {"slug": "buurtfeest"})
    with pytest.raises(DemoDataError, match="events.json"):
        load_demo_data(tmp_path)


def test_dates_and_date_times_are_parsed_or_refused_with_the_item_named():
    assert as_date("2026-03-10", "x").isoformat() == "2026-03-10"
    assert as_datetime("2026-12-04T19:30:00+01:00", "x").isoformat() == "2026-12-04T19:30:00+01:00"
    assert as_date(None, "x") is None
    with pytest.raises(DemoDataError, match="events: buurtfeest"):
        as_datetime("4 december", "events: buurtfeest")
    with pytest.raises(DemoDataError):
        as_date("2026-13-45", "x")
