"""The import service: the parsed note becomes a section of published theme pages.

Layout under the Dutch home page (or the `parent` given):

    Communicatie- en merkbeleid        ThemeIndexPage, slug communicatie-en-merkbeleid
      Voorwoord                        ThemePage, slug voorwoord
      1 Verloop van het traject        ThemePage, slug 1-verloop-van-het-traject
      ...
      4 Open, nabije communicatie ...  ThemePage
        4.1 Inleiding                  ThemePage, under its chapter
        ...

Re-running finds every page by its number-derived slug prefix (see `slugs`) and updates
it in place; a page whose content did not change gets no new revision. The file is read
and parsed before anything is written, and the writing happens in one transaction, so a
bad file or a failure halfway leaves the site as it was.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass
from html import escape
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.models import Locale, Page

from cms.core.models import HomePage, Theme
from cms.core.taxonomy_data import THEMES
from cms.themes.models import ThemeIndexPage, ThemePage

from .body import HEADING_LEVEL, stream_data
from .errors import NoDutchHomePage, PolicyNoteUnreadable, SlugTaken
from .parser import parse_policy_note
from .sections import Section
from .slugs import section_slug, slug_matches

INDEX_TITLE = "Communicatie- en merkbeleid"
INDEX_SLUG = "communicatie-en-merkbeleid"
INDEX_INTRO = (
    "De beleidsnota communicatie en merkbeleid van de Stad Gent (30 maart 2021): hoe de stad "
    "communiceert, luistert en haar merk uitdraagt, hoofdstuk per hoofdstuk."
)
NOTE_DATE = datetime.date(2021, 3, 30)
DEPARTMENT = "Dienst Communicatie"
THEME_SLUG = "communicatie"  # one of cms/core/taxonomy_data.THEMES
CONTENTS_HEADING = "In dit hoofdstuk"


class ImportStatus(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportedSection:
    number: str | None  # None for the foreword, which the note does not number
    title: str
    url: str
    page_id: int
    status: ImportStatus


def policy_note_import(*, path: str | Path, parent: Page | None = None) -> list[ImportedSection]:
    """Create or update the note's pages under `parent` (default: the Dutch home page).

    Returns the foreword, chapters and subsections in reading order. Raises a
    `PolicyNoteError` (and stores nothing) for an unreadable file or one without chapters.
    """
    sections = parse_policy_note(_read(Path(path)))
    with transaction.atomic():
        parent = parent if parent is not None else _dutch_home()
        theme = _communication_theme()
        index = _index_page(parent)
        pages = _pages_for(index, sections)
        page_by_key = {section.key: page for section, page in pages}
        statuses = {section.key: _publish(page, _theme_fields(section, page_by_key, theme)) for section, page in pages}
        _publish(index, _index_fields(sections, page_by_key))
    return [
        ImportedSection(section.number, section.title, page.get_url() or "", page.pk, statuses[section.key])
        for section, page in pages
    ]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise PolicyNoteUnreadable(path, "not UTF-8 text") from None
    except OSError as error:
        raise PolicyNoteUnreadable(path, error.strerror or type(error).__name__) from None


def _dutch_home() -> HomePage:
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        raise NoDutchHomePage()
    return home


def _communication_theme() -> Theme:
    """The "communicatie" theme in the source locale, created if the taxonomy seed predates it."""
    theme, _created = Theme.objects.get_or_create(
        slug=THEME_SLUG,
        locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
        defaults={"name": dict(THEMES)[THEME_SLUG]},
    )
    return theme


def _index_page(parent: Page) -> ThemeIndexPage:
    existing = parent.get_children().filter(slug=INDEX_SLUG).first()
    if existing is None:
        page = ThemeIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, live=False)
        parent.add_child(instance=page)
        return page
    existing = existing.specific
    if not isinstance(existing, ThemeIndexPage):
        raise SlugTaken(existing.url_path, existing.specific_class._meta.verbose_name)
    return existing


def _pages_for(index: ThemeIndexPage, sections: list[Section]) -> list[tuple[Section, ThemePage]]:
    """Every section with its page (found by number, or newly made), in reading order."""
    pages = []
    for section in sections:
        chapter_page = _theme_page(index, section)
        pages.append((section, chapter_page))
        pages.extend((child, _theme_page(chapter_page, child)) for child in section.children)
    return pages


def _theme_page(parent: Page, section: Section) -> ThemePage:
    key = section.key
    existing = parent.get_children().filter(Q(slug=key) | Q(slug__startswith=f"{key}-")).first()
    if existing is not None and slug_matches(existing.slug, key):
        existing = existing.specific
        if not isinstance(existing, ThemePage):
            raise SlugTaken(existing.url_path, existing.specific_class._meta.verbose_name)
        return existing
    page = ThemePage(title=section.title, slug=section_slug(section), live=False)
    parent.add_child(instance=page)
    return page


def _theme_fields(section: Section, page_by_key: dict[str, ThemePage], theme: Theme) -> dict:
    body = stream_data(section.paragraphs)
    if section.children:  # a chapter page leads on to its subsections, in the note's order
        body += _contents(section.children, page_by_key)
    return {
        "title": section.title,
        "intro": _intro(section),
        "body": body,
        "department": DEPARTMENT,
        "last_reviewed": NOTE_DATE,
        "themes": [theme],
    }


def _index_fields(sections: list[Section], page_by_key: dict[str, ThemePage]) -> dict:
    """The section page lists the foreword and chapters in the note's order, as its contents."""
    return {"title": INDEX_TITLE, "intro": INDEX_INTRO, "body": _contents(sections, page_by_key, heading=None)}


def _contents(sections: list[Section], pages: dict[str, Page], heading: str | None = CONTENTS_HEADING) -> list[dict]:
    links = "".join(
        f'<li><a linktype="page" id="{pages[s.key].pk}">{escape(s.title, quote=False)}</a></li>' for s in sections
    )
    blocks = [{"type": "paragraph", "value": f"<ul>{links}</ul>"}]
    if heading:
        blocks.insert(0, {"type": "heading", "value": {"text": heading, "level": HEADING_LEVEL}})
    return blocks


def _intro(section: Section) -> str:
    if section.number is None:
        return "Het voorwoord bij de beleidsnota communicatie en merkbeleid van de Stad Gent (30 maart 2021)."
    if "." in section.number:
        chapter = section.number.split(".")[0]
        return f"Deel {section.number} van hoofdstuk {chapter} van de beleidsnota communicatie en merkbeleid (30 maart 2021)."
    return f"Hoofdstuk {section.number} van de beleidsnota communicatie en merkbeleid van de Stad Gent (30 maart 2021)."


def _publish(page: Page, fields: dict) -> ImportStatus:
    """Give `page` these field values and publish it, unless it is live with them already."""
    created = not page.live and page.first_published_at is None
    if page.live and not page.has_unpublished_changes and _has_values(page, fields):
        return ImportStatus.UNCHANGED
    for name, value in fields.items():
        if name == "themes":
            page.themes.set(value)
        else:
            setattr(page, name, value)
    page.save_revision().publish()
    return ImportStatus.CREATED if created else ImportStatus.UPDATED


def _has_values(page: Page, fields: dict) -> bool:
    for name, value in fields.items():
        if name == "themes":
            current = {theme.pk for theme in page.themes.all()}
            if current != {theme.pk for theme in value}:
                return False
        elif name == "body":
            current = [{"type": block["type"], "value": block["value"]} for block in page.body.raw_data]
            if current != value:
                return False
        elif getattr(page, name) != value:
            return False
    return True
