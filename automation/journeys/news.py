"""Pages as placeholders for journey messages: one published page, or a digest's list of pages.

Only pages the public can see now are ever named, by the page kernel's one rule
(cms/core/publishing.py): drafts, private pages, pages past their expiry and pages under
an unpublished, expired or restricted section never reach a citizen. A page is shown in
the citizen's language when a public translation exists, else as given (Dutch); its link
points at the citizen front end (`{FRONTEND_URL}/{public path}`, e.g.
`https://www.stad.gent/nl/pers/nieuwe-fietsstraat`), the same address the content API
gives it.

`{{ page.title }}`, `{{ page.url }}`, `{{ page.intro }}` for a page trigger; for a digest
`{% for page in pages %}…{% endfor %}` and `{{ wijk.name }}`.
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.core.publishing import is_public, public_pages, public_path


def page_summary(page: Page, *, language: str) -> dict | None:
    """The page (in `language` when translated and public, else as given) as plain values."""
    shown = page
    if page.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translation = page.get_translation_or_none(locale) if locale else None
        if translation is not None and is_public(translation):
            shown = translation
    shown = shown.specific
    path = public_path(shown.url_path) or ""
    return {
        "title": shown.title,
        "intro": getattr(shown, "intro", "") or "",
        "url": f"{settings.FRONTEND_URL.rstrip('/')}/{path}",
        "date": timezone.localdate(shown.last_published_at).isoformat() if shown.last_published_at else "",  # Ghent's day
    }


def tagged_page_models() -> list:
    from cms.core.models.pages import TaggedPage

    return [model for model in apps.get_models() if issubclass(model, TaggedPage)]


def pages_published_between(*, wijk, start: datetime, end: datetime) -> list[Page]:
    """Public source-language pages first published in [start, end) for this wijk or for all of Ghent."""
    pages = []
    for model in tagged_page_models():
        base = public_pages(model).filter(
            first_published_at__gte=start, first_published_at__lt=end, locale__language_code=settings.LANGUAGE_CODE
        )
        pages += list(base.filter(wijken=wijk)) + list(base.filter(wijken__isnull=True))
    unique = {page.pk: page for page in pages}
    return sorted(unique.values(), key=lambda page: (page.first_published_at, page.pk), reverse=True)
