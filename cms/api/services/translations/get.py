"""`GET /api/content/<path>/@translations`: the same page in the other languages.

Only published translations are listed: a French page still in translation is not
announced to readers. Pages are matched by `translation_key`, the UID.

`fallbacks` answers the languages the site publishes in where this page has no public
translation (a wijk page, an article, a press release written in Dutch only): for each,
the nearest ancestor that does have one in that language, ending at that language's home
page. So a language switcher can always offer every language, and say where it leads.
An ancestor counts from the page's own home down; a language whose home is not public
either is left out (nothing there to go to).
"""

from __future__ import annotations

from wagtail.models import Page, Site

from cms.api.addresses import content_url, home_in_site, page_address
from cms.core.publishing import homes, public_pages


def translations_of(located):
    page = located.page
    return public_pages().filter(translation_key=page.translation_key).exclude(pk=page.pk).order_by("locale_id")


def _site_languages(request) -> list[str]:
    """The languages of the request's site (one home per locale), in a stable order."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return sorted({home.language for home in homes() if home.site_id == site.pk})


def _ancestors(request, page) -> list[Page]:
    """The page's ancestors from its parent up to its language's home, nearest first."""
    home = home_in_site(request, page)
    if home is None:
        return []
    ancestors = Page.objects.ancestor_of(page).filter(url_path__startswith=home.url_path)
    return list(ancestors.order_by("-depth").only("id", "translation_key", "depth", "url_path"))


def _ancestor_translations(ancestors: list[Page], missing: list[str]):
    keys = [ancestor.translation_key for ancestor in ancestors]
    if not keys or not missing:
        return public_pages().none()
    return (
        public_pages()
        .filter(translation_key__in=keys, locale__language_code__in=missing)
        .select_related("locale")
        .order_by("id")
    )


def fallbacks_of(request, located, translated: set[str]) -> list[dict]:
    """For each site language without a translation of the page: its nearest translated ancestor."""
    page = located.page
    _, own = page_address(request, page)
    missing = [language for language in _site_languages(request) if language not in translated and language != own]
    ancestors = _ancestors(request, page)
    found = {(item.translation_key, item.locale.language_code): item for item in _ancestor_translations(ancestors, missing)}
    fallbacks = []
    for language in missing:
        for ancestor in ancestors:
            target = found.get((ancestor.translation_key, language))
            url, target_language = page_address(request, target) if target is not None else (None, None)
            if url is not None and target_language == language:
                fallbacks.append({"@id": url, "language": language, "title": target.title, "home": ancestor is ancestors[-1]})
                break
    return fallbacks


def fingerprint(request, located, params) -> list:
    translations = list(translations_of(located).values_list("id", "live_revision_id", "url_path", "locale_id", "last_published_at"))
    ancestors = _ancestors(request, located.page)
    around = _ancestor_translations(ancestors, _site_languages(request))
    return [
        translations,
        [(a.id, a.translation_key) for a in ancestors],
        list(around.values_list("id", "live_revision_id", "url_path", "locale_id", "last_published_at", "title")),
    ]


def get(request, located, params) -> dict:
    items = []
    for page in translations_of(located):
        url, language = page_address(request, page)
        items.append({"@id": url, "language": language, "title": page.title})
    translated = {item["language"] for item in items if item["language"]}
    return {
        "@id": content_url(request, located.public_path, "/@translations"),
        "items": items,
        "fallbacks": fallbacks_of(request, located, translated),
    }
