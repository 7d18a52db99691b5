"""Reading the demo JSON files (the format is cms/importers/demo_data/SCHEMA.md).

Files may still be arriving while people write them, so the seed loads whatever `*.json`
files are there: a missing file is an empty list, an unknown file name is a warning, and
a file that is not valid JSON stops the seed with its name and position.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "demo_data"


class DemoDataError(Exception):
    """The demo data cannot be seeded; the message names the file and item."""


@dataclass
class DemoData:
    theme_pages: list[dict] = field(default_factory=list)
    press_contacts: list[dict] = field(default_factory=list)
    press_releases: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    magazines: list[dict] = field(default_factory=list)
    wijk_pages: list[dict] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)

    def item_count(self) -> int:
        articles = sum(
            len(edition.get("articles", []))
            for magazine in self.magazines
            for edition in magazine.get("editions", [])
        )
        editions = sum(len(magazine.get("editions", [])) for magazine in self.magazines)
        return (
            len(self.theme_pages)
            + len(self.press_contacts)
            + len(self.press_releases)
            + len(self.projects)
            + len(self.events)
            + len(self.magazines)
            + editions
            + articles
            + len(self.wijk_pages)
        )


# File name (without .json) -> DemoData attribute; theme pages may be split over files.
FILE_KINDS = {
    "press_contacts": "press_contacts",
    "press_releases": "press_releases",
    "projects": "projects",
    "events": "events",
    "magazines": "magazines",
    "wijk_pages": "wijk_pages",
}


def _read(path: Path) -> list[dict]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DemoDataError(f"{path.name}: geen geldige JSON ({error})") from None
    if not isinstance(content, list) or not all(isinstance(item, dict) for item in content):
        raise DemoDataError(f"{path.name}: verwacht een lijst van objecten")
    return content


def load_demo_data(directory: Path | str = DEFAULT_DATA_DIR) -> DemoData:
    directory = Path(directory)
    data = DemoData()
    for path in sorted(directory.glob("*.json")):
        stem = path.stem
        if stem == "theme_pages" or stem.startswith("theme_pages_"):
            data.theme_pages.extend(_read(path))
        elif stem in FILE_KINDS:
            getattr(data, FILE_KINDS[stem]).extend(_read(path))
        else:
            data.ignored_files.append(path.name)
    return data


def as_date(value, where: str):
    """A `YYYY-MM-DD` value as a date (None stays None)."""
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise DemoDataError(f"{where}: {value!r} is geen datum (JJJJ-MM-DD)")
    return parsed


def as_datetime(value, where: str):
    """An ISO 8601 date-time with offset as an aware datetime (None stays None)."""
    if value in (None, ""):
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise DemoDataError(f"{where}: {value!r} is geen datum-tijd (ISO 8601)")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed
