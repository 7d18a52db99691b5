"""Pages as placeholders for journey messages: one published page, or a digest's list of pages.

Only live pages without view restrictions are ever named (drafts and private pages never
reach a citizen). A page is shown in the citizen's language when a live translation
exists, else in Dutch; its link points at the citizen front end
(`{FRONTEND_URL}/{language}/{path}`), the same address the content API gives it.

`{{ page.title }}`, `{{ page.url }}`, `{{ page.intro }}` for a page trigger; for a digest
`{% for page in pages %}…{% endfor %}` and `{{ wijk.name }}`.
"""

from __future__ import annotations

from datetime import datetime

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page, PageViewRestriction

from cms.api.lookup import public_path


def is_public(page: Page) -> bool:
    """Live, and neither it nor an ancestor has a view restriction."""
    if not page.live:
        return False
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def page_summary(page: Page, *, language: str) -> dict | None:
    """The page (in `language` when translated and public, else as given) as plain values."""
    shown = page
    if page.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translation = page.get_translation_or_none(locale) if locale else None
        if translation is not None and is_public(translation):
            shown = translation
    shown = shown.specific
    home = shown.get_ancestors(inclusive=True).filter(depth=2).first()
    path = public_path(shown.url_path, home.url_path, shown.locale.language_code) if home else ""
    return {
        "title": shown.title,
        "intro": getattr(shown, "intro", "") or "",
        "url": f"{settings.FRONTEND_URL.rstrip('/')}/{path}",
        "date": shown.last_published_at.date().isoformat() if shown.last_published_at else "",
    }


def tagged_page_models() -> list:
    from cms.core.models.pages import TaggedPage

    return [model for model in apps.get_models() if issubclass(model, TaggedPage)]


def pages_published_between(*, wijk, start: datetime, end: datetime) -> list[Page]:
    """Source-language pages first published in [start, end) for this wijk or for all of Ghent."""
    pages = []
    for model in tagged_page_models():
        base = model.objects.live().public().filter(
            first_published_at__gte=start, first_published_at__lt=end, locale__language_code=settings.LANGUAGE_CODE
        )
        pages += list(base.filter(wijken=wijk)) + list(base.filter(wijken__isnull=True))
    unique = {page.pk: page for page in pages if is_public(page)}
    return sorted(unique.values(), key=lambda page: (page.first_published_at, page.pk), reverse=True)
