"""Scoring a page and keeping its score: what the task, the admin and the content API call.

`page_readability(page)` scores a page's text now (the intro and each prose block; the
blocks' own scores come with it). `page_readability_record(page_id=...)` stores the score of
a page's live revision (the publish task); `page_level_answer(page)` is the small answer the
content API shows, from the stored row when it is the live revision's, else scored now,
so an answer is never stale even while the task is still queued.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from cms.readability.glossary import Glossary
from cms.readability.glossary_store import glossary_current
from cms.readability.levels import Level
from cms.readability.models import PageReadability
from cms.readability.page_text import TextPart, page_language, page_parts
from cms.readability.scoring import LANGUAGES, Readability, score_parts

SECTION_DEPTH = 3  # root (1) > a language's home (2) > its sections (3)
# The page's stored score: a page read with `select_related(STORED_SCORE)` (the content API's
# lookup does) brings it along, and `page_level_answer` asks nothing more.
STORED_SCORE = "readability_score"


@dataclass
class PageScore:
    overall: Readability
    blocks: list[tuple[TextPart, Readability]]

    def as_json(self) -> dict:
        return {
            **self.overall.as_json(),
            "blocks": [
                {"key": part.key, "label": part.label, "type": part.block_type, "level": score.level,
                 "level_label": score.level_label, "difficulty": score.difficulty, "words_total": score.words}
                for part, score in self.blocks
            ],
        }  # fmt: skip


def parts_readability(parts: list[TextPart], language: str, glossary: Glossary | None = None) -> PageScore:
    language = language if language in LANGUAGES else "nl"
    overall, scores = score_parts([part.text for part in parts], language, glossary or glossary_current())
    return PageScore(overall=overall, blocks=list(zip(parts, scores)))


def page_readability(page, glossary: Glossary | None = None) -> PageScore:
    """The score of a (specific) page's text as it stands on the instance (a draft too)."""
    return parts_readability(page_parts(page), page_language(page), glossary)


def _section(page: Page) -> Page | None:
    if page.depth < SECTION_DEPTH:
        return None
    if page.depth == SECTION_DEPTH:
        return page
    return Page.objects.ancestor_of(page).filter(depth=SECTION_DEPTH).first()


def page_readability_record(*, page_id: int) -> PageReadability | None:
    """Store the score of the page's live revision; forget it when the page is not live or has no
    text to read (an index page: it has no level, as the content API says with null)."""
    page = Page.objects.filter(pk=page_id).specific().select_related("locale").first()
    score = page_readability(page).overall if page is not None and page.live else None
    if score is None or not score.words:
        PageReadability.objects.filter(page_id=page_id).delete()
        return None
    section = _section(page)
    row, _created = PageReadability.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "revision_id": page.live_revision_id,
            "language": score.language,
            "level": score.level,
            "difficulty": score.difficulty,
            "words": score.words,
            "hard_sentences": len(score.hardest),
            "section": section,
            "section_title": section.title if section else "",
            "department": (getattr(page, "department", "") or "")[:120],
            "page_type": type(page)._meta.label,
            "scored_at": timezone.now(),
        },
    )
    return row


def page_readability_forget(*, page_id: int) -> None:
    PageReadability.objects.filter(page_id=page_id).delete()


def level_answer(level: str, difficulty: float) -> dict:
    return {"level": level, "label": Level(level).label, "difficulty": difficulty, "target": Level.B1.value}


def _stored_score(page) -> dict | None:
    relation = PageReadability._meta.get_field("page").remote_field
    if relation.is_cached(page):  # read with the page
        row = relation.get_cached_value(page)
        return {"revision_id": row.revision_id, "level": row.level, "difficulty": row.difficulty} if row else None
    return PageReadability.objects.filter(page_id=page.pk).values("revision_id", "level", "difficulty").first()


def page_level_answer(page) -> dict | None:
    """`{"level", "label", "difficulty", "target"}` for the content API; None for a page without text."""
    stored = _stored_score(page)
    if stored and stored["revision_id"] == page.live_revision_id:
        return level_answer(stored["level"], stored["difficulty"])
    score = page_readability(page).overall
    if not score.words:
        return None
    return level_answer(score.level, score.difficulty)
