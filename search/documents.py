"""What the search index holds, independent of the Wagtail page models.

`SearchDocument` is the plain record an extractor builds from a page (later: one per
published page and locale). Backends never see a page object, so the search engine can be
tested, benchmarked and rebuilt without the CMS, and the CMS can change its models without
touching a backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Facet name (as used in queries and answers) -> SearchDocument attribute.
FACET_FIELDS = {"theme": "themes", "wijk": "wijken", "type": "page_type", "language": "language"}
FACETS = tuple(FACET_FIELDS)


@dataclass(frozen=True)
class SearchDocument:
    """One page in one language, as the search index sees it.

    `body` holds the page's text blocks (paragraphs) in reading order; the index splits
    them into ~120-word passages. `date` is the day a citizen filters on (publication for
    news, start for events); `end_date` makes a multi-day event match every day it runs.
    """

    id: str
    language: str
    title: str
    url: str
    intro: str = ""
    body: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    wijken: tuple[str, ...] = ()
    page_type: str = ""
    date: date | None = None
    end_date: date | None = None

    def __post_init__(self):
        if not self.id:
            raise ValueError("SearchDocument.id must not be empty")
        # Accept lists from callers but store tuples: documents are hashable values.
        for name in ("body", "themes", "wijken"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        if self.end_date and self.date and self.end_date < self.date:
            raise ValueError(f"SearchDocument {self.id}: end_date before date")

    def to_dict(self) -> dict:
        """JSON-ready fields, as stored by the backends (dates as ISO strings)."""
        return {
            "id": self.id,
            "language": self.language,
            "title": self.title,
            "url": self.url,
            "intro": self.intro,
            "body": list(self.body),
            "themes": list(self.themes),
            "wijken": list(self.wijken),
            "page_type": self.page_type,
            "date": self.date.isoformat() if self.date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> SearchDocument:
        return cls(
            id=data["id"],
            language=data["language"],
            title=data["title"],
            url=data["url"],
            intro=data.get("intro", ""),
            body=tuple(data.get("body", ())),
            themes=tuple(data.get("themes", ())),
            wijken=tuple(data.get("wijken", ())),
            page_type=data.get("page_type", ""),
            date=date.fromisoformat(data["date"]) if data.get("date") else None,
            end_date=date.fromisoformat(data["end_date"]) if data.get("end_date") else None,
        )

    @property
    def last_date(self) -> date | None:
        """The last day the document is about: end_date, else date."""
        return self.end_date or self.date

    def facet_values(self, facet: str) -> tuple[str, ...]:
        value = getattr(self, FACET_FIELDS[facet])
        if isinstance(value, tuple):
            return value
        return (value,) if value else ()


@dataclass
class StoredDocument:
    """What a backend gives back for display: the document plus its passages as indexed."""

    document: SearchDocument
    passages: list[str] = field(default_factory=list)
