"""What a page gives to search, as plain values: the only way `search` reads a page.

The search index never imports a page model. Each page type says on its class what it
adds beyond title, intro and body (the defaults on `BasePage` add nothing):

* `search_type()`: what kind of page it is to a reader (default: the model's label, as the
  content API names types; a theme page that is a section of an imported document says
  "themes.DocumentSection", so results and the type facet do not call a policy chapter a theme);
* `search_themes()`: the slugs of its themes (themed pages);
* `search_wijken()`: the slugs of the wijken it is about (tagged pages, a wijk's own page,
  its magazine and editions, an event in a wijk);
* `search_dates()`: the day, or first and last day, a citizen filters it by (publication
  for news, the days an event or a project runs; none for information pages);
* `search_paragraphs()`: text it keeps in its own fields (where, which phase, whom to
  call), each paragraph as its parts, which search joins into sentences.

So a new page type is searchable as what it is by declaring these in its own app.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from wagtail.models import Page

from cms.core.models.pages import BasePage
from cms.core.publishing import site_path


@dataclass(frozen=True)
class SearchFacts:
    page_id: int
    language: str
    title: str
    path: str | None  # the site path ("/nl/themas/grofvuil/"), None when no site serves the page
    page_type: str  # "themes.ThemePage", as the content API names types (see `search_type()`)
    intro: str = ""
    body: Any = None  # the body's StreamField value, whose blocks know their readable text
    paragraphs: tuple[tuple[str, ...], ...] = ()
    themes: tuple[str, ...] = ()
    wijken: tuple[str, ...] = ()
    date: date | None = None
    end_date: date | None = None


def search_facts(page: Page) -> SearchFacts:
    """The facts of a (specific) page; a page type that declares nothing gives its text only."""
    facts = SearchFacts(
        page_id=page.pk,
        language=page.locale.language_code,
        title=page.title,
        path=site_path(page.url_path),
        page_type=type(page)._meta.label,
        intro=getattr(page, "intro", ""),
        body=getattr(page, "body", None),
    )
    if not isinstance(page, BasePage):
        return facts
    start, end = page.search_dates()
    return replace(
        facts,
        page_type=page.search_type(),
        date=start,
        end_date=end,
        paragraphs=tuple(tuple(parts) for parts in page.search_paragraphs()),
        themes=tuple(page.search_themes()),
        wijken=tuple(page.search_wijken()),
    )
