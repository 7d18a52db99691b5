"""From Wagtail pages to SearchDocuments: which pages a citizen may find, and what of them.

A page is indexed when the public can see it now, by the one rule of the page kernel
(`cms.core.publishing`: live, not past its expiry, no view restriction on it or above it, no
unpublished or expired section above it; drafts and embargoed releases are not live), and
search's own conditions hold: it is not the tree root, not an alias (an alias repeats its
original's text under another locale, where it would be stemmed as the wrong language), and
a site serves it (it has an address). Each translation is its own page, so one document per
page is one document per page and locale; the document id is the page id.

What a document holds is what the page's type declares about itself (`search_facts`), read
from the page's live row in the database, never from a signal's instance: a task may run
long after the signal, and the row is what is public. This module knows no page model.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page

from cms.core.publishing import homes, public_pages
from cms.core.search_facts import search_facts

from .block_text import sentences, stream_paragraphs
from .documents import SearchDocument


def document_id(page_id: int) -> str:
    """The id of a page's document in every backend (the page id, as text)."""
    return str(page_id)


def _under_a_site() -> Q:
    """Pages at or below the home of some site's locale (never true without a site)."""
    q = Q(pk__in=[])
    for home in homes():
        q |= Q(url_path__startswith=home.url_path)
    return q


def indexable_pages():
    """Pages a visitor can open now, as a PageQuerySet (not yet `.specific()`)."""
    return public_pages().filter(depth__gt=1, alias_of__isnull=True).filter(_under_a_site())


def page_document(page: Page) -> SearchDocument | None:
    """The document for a (specific) page, or None when no site serves it."""
    facts = search_facts(page)
    if facts.path is None:
        return None
    body = stream_paragraphs(facts.body) + [sentences(parts) for parts in facts.paragraphs]
    return SearchDocument(
        id=document_id(facts.page_id),
        language=facts.language,
        title=facts.title,
        url=facts.path,
        intro=" ".join(facts.intro.split()),
        body=tuple(paragraph for paragraph in body if paragraph),
        themes=facts.themes,
        wijken=facts.wijken,
        page_type=facts.page_type,
        date=facts.date,
        end_date=facts.end_date,
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
