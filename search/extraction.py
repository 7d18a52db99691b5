"""From Wagtail pages to SearchDocuments: which pages a citizen may find, and what of them.

A page is indexed when a visitor could open it: live, not past its expiry, outside every
view restriction (Wagtail's `public()`, which covers restricted ancestors too), reachable
under a site (it has a URL), and not an alias (an alias repeats its original's text under
another locale, where it would be stemmed as the wrong language). Drafts and embargoed
releases are not live, so they never get here. Each translation is its own page, so one
document per page is one document per page and locale; the document id is the page id.

What a document holds is read from the page's live row in the database, never from a
signal's instance: a task may run long after the signal, and the row is what is public.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.core.models import TaggedPage, ThemedPage
from cms.events.models import EventPage
from cms.neighbourhoods.models import MagazineArticle, MagazineEdition, NeighbourhoodMagazine, WijkPage
from cms.pressroom.models import PressReleasePage
from cms.projects.models import ProjectPage

from .block_text import as_sentence, sentences, stream_paragraphs
from .documents import SearchDocument

#: Models whose wijk is a single foreign key (a wijk page, a wijk's magazine, an event).
SINGLE_WIJK_MODELS = (WijkPage, NeighbourhoodMagazine, EventPage)


def document_id(page_id: int) -> str:
    """The id of a page's document in every backend (the page id, as text)."""
    return str(page_id)


def page_type(page: Page) -> str:
    """The page type as Wagtail's API names it ("themes.ThemePage"), so search and content API filter alike."""
    meta = type(page)._meta
    return f"{meta.app_label}.{meta.object_name}"


def indexable_pages():
    """Pages a visitor can open now, as a PageQuerySet (not yet `.specific()`)."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True, expired=False)
        .exclude(Q(expire_at__isnull=False) & Q(expire_at__lte=timezone.now()))
    )


def page_path(page: Page) -> str | None:
    """The page's path on its site ("/nl/themas/grofvuil/"), or None when no site serves it."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _slugs(related) -> tuple[str, ...]:
    return tuple(related.order_by("slug").values_list("slug", flat=True))


def _themes(page: Page) -> tuple[str, ...]:
    return _slugs(page.themes) if isinstance(page, ThemedPage) else ()


def _wijken(page: Page) -> tuple[str, ...]:
    if isinstance(page, TaggedPage):
        return _slugs(page.wijken)
    if isinstance(page, SINGLE_WIJK_MODELS):
        return (page.wijk.slug,) if page.wijk_id else ()
    if isinstance(page, MagazineEdition):  # an edition belongs to its magazine's wijk
        magazine = page.get_parent().specific
        return _wijken(magazine) if isinstance(magazine, NeighbourhoodMagazine) else ()
    return ()


def _dates(page: Page) -> tuple[date | None, date | None]:
    """The day(s) a citizen filters on: publication for news, the days it runs for events and projects.

    Information pages have no such day; a date filter leaves them out rather than guess one.
    """
    if isinstance(page, (PressReleasePage, MagazineEdition)):
        return page.date, None
    if isinstance(page, MagazineArticle):
        edition = page.get_parent().specific
        return (edition.date, None) if isinstance(edition, MagazineEdition) else (None, None)
    if isinstance(page, EventPage):
        start = timezone.localdate(page.start)
        end = timezone.localdate(page.end) if page.end else None
        return start, end if end and end > start else None
    if isinstance(page, ProjectPage):
        starts = [phase.start for phase in page.phases.all() if phase.start]
        ends = [phase.end for phase in page.phases.all() if phase.end]
        start = min(starts) if starts else None
        end = max(ends) if ends else None
        return start, end if start and end and end > start else None
    return None, None


def _own_fields_text(page: Page) -> list[str]:
    """Text a page type keeps outside its body (where, which phase, whom to call), as paragraphs."""
    if isinstance(page, EventPage):
        return [sentences([page.location_name, page.address])]
    if isinstance(page, ProjectPage):
        return (
            [sentences([page.programme, page.location, page.get_participation_status_display()])]
            + [sentences([phase.title, phase.description]) for phase in page.phases.all()]
            + [as_sentence(document.title) for document in page.documents.all()]
        )
    if isinstance(page, WijkPage):
        return [
            sentences([service.name, service.get_kind_display(), service.address, service.opening_hours])
            for service in page.services.all()
        ]
    if isinstance(page, PressReleasePage):
        return [
            sentences([link.contact.name, link.contact.role]) for link in page.press_contacts.select_related("contact")
        ] + [sentences([attachment.title, attachment.alt]) for attachment in page.attachments.all()]
    return []


def page_document(page: Page) -> SearchDocument | None:
    """The document for a (specific) page, or None when no site serves it."""
    url = page_path(page)
    if url is None:
        return None
    start, end = _dates(page)
    body = stream_paragraphs(getattr(page, "body", None)) + _own_fields_text(page)
    return SearchDocument(
        id=document_id(page.pk),
        language=page.locale.language_code,
        title=page.title,
        url=url,
        intro=" ".join(getattr(page, "intro", "").split()),
        body=tuple(paragraph for paragraph in body if paragraph),
        themes=_themes(page),
        wijken=_wijken(page),
        page_type=page_type(page),
        date=start,
        end_date=end,
    )


def iter_page_documents(pages, *, chunk_size: int = 100):
    """(page id, document or None) for every page of a queryset, loading specific pages chunk by chunk."""
    ids = list(pages.order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        loaded = {page.pk: page for page in Page.objects.filter(pk__in=chunk).select_related("locale").specific()}
        for page_id in chunk:
            page = loaded.get(page_id)
            yield page_id, page_document(page) if page is not None else None


def documents_for_pages(page_ids) -> dict[int, SearchDocument]:
    """Documents of those of `page_ids` that are indexable now; the others are absent."""
    pages = indexable_pages().filter(pk__in=list(page_ids))
    return {page_id: document for page_id, document in iter_page_documents(pages) if document is not None}
